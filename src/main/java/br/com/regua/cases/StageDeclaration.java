package br.com.regua.cases;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import br.com.regua.policy.StageCatalog.StageInfo;
import br.com.regua.policy.StageKeys;

/**
 * How a BPMN element declares that it carries out a stage of the schedule: Camunda extension
 * properties (Modeler: "Extension properties") on the element.
 * <ul>
 * <li>{@code stage}: the key rules plan it by and its template is found by, e.g. {@code FORMAL_NOTICE};</li>
 * <li>{@code order}: a whole number, its place in the schedule when two stages fall on one day;</li>
 * <li>{@code message}: {@code true} when it writes to the debtor (a template named after the key must exist);</li>
 * <li>{@code last}: {@code true} when the case ends there (legal referral, write-off);</li>
 * <li>{@code status}: {@code WRITTEN_OFF} when carrying it out writes the debt off;</li>
 * <li>{@code debtorWords}: what the debtor's page says of a debt at this stage, in plain Portuguese
 *     (e.g. "notificação formal enviada"); optional;</li>
 * <li>{@code suspendsService}: {@code true} when carrying it out tells the backends to suspend the debtor's
 *     service (event {@code service.suspend}); they are told to restore it when the debt is paid or cancelled.</li>
 * </ul>
 */
final class StageDeclaration {

    static final String KEY = "stage";
    static final String ORDER = "order";
    static final String MESSAGE = "message";
    static final String LAST = "last";
    static final String STATUS = "status";
    static final String DEBTOR_WORDS = "debtorWords";
    static final String SUSPENDS_SERVICE = "suspendsService";
    /** The receivable statuses a stage may leave: the only one a step of the schedule decides. */
    static final Set<String> STATUSES = Set.of("WRITTEN_OFF");

    private StageDeclaration() {
    }

    /**
     * The stage {@code properties} declare, or empty when they declare none. What is wrong with the
     * declaration goes to {@code problems}, one sentence each, and no stage is returned.
     */
    static Optional<StageInfo> read(String elementId, String name, Map<String, String> properties, List<String> problems) {
        String key = properties.get(KEY);
        if (key == null) {
            return Optional.empty();
        }
        int before = problems.size();
        key = key.strip();
        if (!StageKeys.FORM.matcher(key).matches()) {
            problems.add("the stage key \"" + key + "\" must be capitals, digits and underscores, starting with a capital (e.g. FORMAL_NOTICE)");
        } else if (StageKeys.isPosition(key)) {
            problems.add("the stage key " + key + " is reserved: it names a position of a case, not a stage");
        }
        if (name == null || name.isBlank()) {
            problems.add("the stage " + key + " needs a name: people read it in Cockpit and in the timeline");
        }
        Integer order = null;
        String written = properties.get(ORDER);
        if (written == null) {
            problems.add("the stage " + key + " needs an \"order\" property: its place in the schedule, a whole number");
        } else {
            try {
                order = Integer.valueOf(written.strip());
            } catch (NumberFormatException e) {
                problems.add("the \"order\" of stage " + key + " must be a whole number, not \"" + written + "\"");
            }
        }
        Boolean message = yesNo(properties, MESSAGE, key, problems);
        Boolean last = yesNo(properties, LAST, key, problems);
        Boolean suspends = yesNo(properties, SUSPENDS_SERVICE, key, problems);
        String status = properties.get(STATUS);
        if (status != null && !STATUSES.contains(status.strip())) {
            problems.add("the \"status\" of stage " + key + " must be one of " + STATUSES + ", not \"" + status + "\"");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        String words = properties.get(DEBTOR_WORDS);
        return Optional.of(new StageInfo(key, name.strip(), order, last, message, status == null ? null : status.strip(), elementId,
                words == null || words.isBlank() ? null : words.strip(), suspends));
    }

    private static Boolean yesNo(Map<String, String> properties, String name, String key, List<String> problems) {
        String value = properties.get(name);
        if (value == null || value.strip().equals("false")) {
            return false;
        }
        if (value.strip().equals("true")) {
            return true;
        }
        problems.add("the \"" + name + "\" of stage " + key + " must be true or false, not \"" + value + "\"");
        return false;
    }

    /** Two stages of one process may share neither a key nor an order. */
    static void checkUnique(List<StageInfo> stages, List<String> problems) {
        for (int i = 0; i < stages.size(); i++) {
            for (int j = i + 1; j < stages.size(); j++) {
                StageInfo a = stages.get(i);
                StageInfo b = stages.get(j);
                if (a.key().equals(b.key())) {
                    problems.add("the stage key " + a.key() + " is declared twice (" + a.elementId() + ", " + b.elementId() + ")");
                }
                if (a.order() == b.order()) {
                    problems.add("the stages " + a.key() + " and " + b.key() + " have the same order " + a.order()
                            + "; give each its own place in the schedule");
                }
            }
        }
    }
}
