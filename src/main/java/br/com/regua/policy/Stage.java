package br.com.regua.policy;

/**
 * Stages of the collection schedule, in their natural order. Each has a branch in
 * {@code processes/collection.bpmn}; rules plan which of them a case goes through and on which day.
 */
public enum Stage {
    REGISTERED,
    PRE_DUE_REMINDER,
    DUE_DAY_NOTICE,
    GRACE_PERIOD,
    FRIENDLY_REMINDER,
    RENEGOTIATION_OFFER,
    COLLECTOR_CALL,
    FORMAL_NOTICE,
    BUREAU_PRIOR_NOTICE,
    BUREAU_REPORT,
    SERVICE_SUSPENSION_NOTICE,
    COLLECTION_AGENCY,
    LEGAL_REFERRAL,
    WRITE_OFF,
    PAID;

    /** Stages after which the collection case ends. */
    public boolean isFinal() {
        return this == LEGAL_REFERRAL || this == WRITE_OFF || this == PAID;
    }
}
