package br.com.regua.policy;

import java.util.regex.Pattern;

/**
 * What Java knows of stage keys: their form, and the two positions of a case that are no stage of
 * the process. Which stages exist, in which order, is the collection BPMN's say ({@link StageCatalog}).
 */
public final class StageKeys {

    /** Where a case is before its first step. */
    public static final String REGISTERED = "REGISTERED";
    /** Where a paid case ends; also the key of the thank-you message's template. */
    public static final String PAID = "PAID";
    /** The one key a Java name still carries: {@link CaseFacts#getBureauPriorNoticeDay()}, for stored policies. */
    static final String LEGACY_BUREAU_PRIOR_NOTICE = "BUREAU_PRIOR_NOTICE";

    /** A key: capitals, digits and underscores, as a template file and a BPMN property can carry it. */
    public static final Pattern FORM = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private StageKeys() {
    }

    /** A position a case can be at that is no stage of the process. */
    public static boolean isPosition(String key) {
        return REGISTERED.equals(key) || PAID.equals(key);
    }
}
