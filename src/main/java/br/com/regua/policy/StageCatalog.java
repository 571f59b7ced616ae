package br.com.regua.policy;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The stages of the collection schedule, as the deployed collection process declares them: their
 * keys, names and order. The policy plans stages by key; a key the process does not declare is an
 * error in the rule that writes it.
 */
public interface StageCatalog {

    /**
     * One stage: its key, the element's name, its place in the schedule, whether the case ends
     * there, whether it sends the debtor a message (a template of the key), the receivable status it
     * leaves (null: unchanged), the BPMN element that carries it out, and what the debtor's page says
     * of a debt at this stage, in Portuguese (null: nothing but how late it is), and whether carrying it out
     * tells the backends to suspend the debtor's service (and, once the debt is paid or cancelled, to restore it).
     */
    record StageInfo(String key, String name, int order, boolean last, boolean message, String status, String elementId,
                     String debtorWords, boolean suspendsService) {

        /** A stage with no words for the debtor, that suspends nothing. */
        public StageInfo(String key, String name, int order, boolean last, boolean message, String status, String elementId) {
            this(key, name, order, last, message, status, elementId, null, false);
        }
    }

    /** Every stage, in the order of the schedule. */
    List<StageInfo> stages();

    default Optional<StageInfo> find(String key) {
        return stages().stream().filter(s -> s.key().equals(key)).findFirst();
    }

    default boolean knows(String key) {
        return find(key).isPresent();
    }

    /**
     * A stage's place in the schedule; {@code REGISTERED} comes before every stage and an unknown key
     * after all of them, so that a step of a stage the process lost is never taken for one ahead.
     */
    default int order(String key) {
        if (StageKeys.REGISTERED.equals(key)) {
            return Integer.MIN_VALUE;
        }
        return find(key).map(StageInfo::order).orElse(Integer.MAX_VALUE);
    }

    /** The plan's order: by day, then by the stage's place in the schedule. */
    default Comparator<PlannedStep> planOrder() {
        return Comparator.comparingInt(PlannedStep::getDay).thenComparingInt(s -> order(s.getStage()));
    }

    /** The stage's name for people (the BPMN element's), or the key itself when the process has none. */
    default String nameOf(String key) {
        return find(key).map(StageInfo::name).orElse(key);
    }
}
