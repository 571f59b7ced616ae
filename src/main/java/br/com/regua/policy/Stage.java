package br.com.regua.policy;

/**
 * The keys of the stages of the collection process as Régua first shipped it, as constants.
 *
 * @deprecated a stage is data: the collection BPMN declares each stage's key, and rules write the key
 *             as text ({@code new PlannedStep("FORMAL_NOTICE", 30)}). Kept only so that policy versions
 *             stored before that ({@code Stage.FORMAL_NOTICE}) still compile and decide as they did.
 */
@Deprecated
public final class Stage {

    public static final String REGISTERED = StageKeys.REGISTERED;
    public static final String PRE_DUE_REMINDER = "PRE_DUE_REMINDER";
    public static final String DUE_DAY_NOTICE = "DUE_DAY_NOTICE";
    public static final String GRACE_PERIOD = "GRACE_PERIOD";
    public static final String FRIENDLY_REMINDER = "FRIENDLY_REMINDER";
    public static final String RENEGOTIATION_OFFER = "RENEGOTIATION_OFFER";
    public static final String COLLECTOR_CALL = "COLLECTOR_CALL";
    public static final String FORMAL_NOTICE = "FORMAL_NOTICE";
    public static final String BUREAU_PRIOR_NOTICE = StageKeys.LEGACY_BUREAU_PRIOR_NOTICE;
    public static final String BUREAU_REPORT = "BUREAU_REPORT";
    public static final String SERVICE_SUSPENSION_NOTICE = "SERVICE_SUSPENSION_NOTICE";
    public static final String COLLECTION_AGENCY = "COLLECTION_AGENCY";
    public static final String LEGAL_REFERRAL = "LEGAL_REFERRAL";
    public static final String WRITE_OFF = "WRITE_OFF";
    public static final String PAID = StageKeys.PAID;

    private Stage() {
    }
}
