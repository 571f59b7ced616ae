package br.com.regua.cases;

/** Names shared with {@code processes/collection.bpmn}. */
public final class CollectionProcess {

    public static final String KEY = "collection";
    public static final String MESSAGE_BALANCE_SETTLED = "BalanceSettled";
    public static final String MESSAGE_AGREEMENT_ACCEPTED = "AgreementAccepted";
    public static final String MESSAGE_AGREEMENT_BROKEN = "AgreementBroken";
    public static final String MESSAGE_DISPUTE_OPENED = "DisputeOpened";

    public static final String VAR_RECEIVABLE_ID = "receivableId";
    public static final String VAR_NEXT_STAGE = "nextStage";
    public static final String VAR_NEXT_STEP_AT = "nextStepAt";
    public static final String VAR_SEGMENT = "segment";
    public static final String VAR_TASK_PRIORITY = "taskPriority";
    /** The collector groups the call task is offered to, comma-separated, from the policy (call-groups.drl.csv). */
    public static final String VAR_CALL_GROUPS = "callGroups";
    /** The group of the collectors' role: the call's group when the policy names none. */
    public static final String DEFAULT_CALL_GROUP = "collectors";
    /** How the collector's call ended (a CallOutcome name), set when the call task is completed from the call form. */
    public static final String VAR_CALL_OUTCOME = "callOutcome";
    /** When a CALL_BACK outcome brings the call back (a date-time). */
    public static final String VAR_CALL_BACK_AT = "callBackAt";
    public static final String TIMER_CALL_BACK = "Timer_UntilCallBack";
    public static final String GATEWAY_CALL_OUTCOME = "Gateway_CallOutcome";
    /** False when a stage task found, asking the policy again, that its stage is no longer due. */
    public static final String VAR_STEP_CARRIED_OUT = "stepCarriedOut";
    /** Local input parameter of each stage task: which stage it carries out. */
    public static final String VAR_STAGE = "stage";

    /** The dispute under review, and the reviewer's outcome (UPHELD, REJECTED). */
    public static final String VAR_DISPUTE_ID = "disputeId";
    public static final String VAR_DISPUTE_OUTCOME = "disputeOutcome";
    /** What the debtor said, shown to the reviewer. */
    public static final String VAR_DISPUTE_REASON = "disputeReason";
    /** False when an upheld dispute cancelled the debt. */
    public static final String VAR_COLLECTION_GOES_ON = "collectionGoesOn";

    /** {@code nextStage} when the policy plans nothing more. */
    public static final String NO_MORE_STEPS = "NONE";

    public static final String TASK_CLASSIFY = "Task_ClassifyDebtor";
    public static final String GATEWAY_NEXT_STAGE = "Gateway_NextStage";
    public static final String USER_TASK_CALL = "UserTask_CallDebtor";
    public static final String USER_TASK_LEGAL_REVIEW = "UserTask_ReviewLegalReferral";
    public static final String END_PAID = "EndEvent_Paid";
    public static final String END_WRITTEN_OFF = "EndEvent_WrittenOff";
    public static final String END_REFERRED_TO_LEGAL = "EndEvent_ReferredToLegal";
    public static final String END_SCHEDULE_FINISHED = "EndEvent_ScheduleFinished";
    public static final String SUBPROCESS_SCHEDULE = "SubProcess_Schedule";
    public static final String AWAIT_AGREEMENT_OUTCOME = "ReceiveTask_AwaitAgreementOutcome";
    public static final String USER_TASK_REVIEW_DISPUTE = "UserTask_ReviewDispute";
    public static final String TASK_APPLY_DISPUTE_OUTCOME = "Task_ApplyDisputeOutcome";
    public static final String END_DEBT_CANCELLED = "EndEvent_DebtCancelled";
    public static final String END_COLLECTION_ENDED = "EndEvent_CollectionEnded";

    private CollectionProcess() {
    }
}
