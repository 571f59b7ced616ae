package br.com.regua.schedule;

/** Names shared with {@code processes/collection.bpmn}. */
public final class CollectionProcess {

    public static final String KEY = "collection";
    public static final String MESSAGE_BALANCE_SETTLED = "BalanceSettled";

    public static final String VAR_RECEIVABLE_ID = "receivableId";
    public static final String VAR_NEXT_STAGE = "nextStage";
    public static final String VAR_NEXT_STEP_AT = "nextStepAt";
    public static final String VAR_SEGMENT = "segment";
    public static final String VAR_TASK_PRIORITY = "taskPriority";
    /** False when a stage task found, asking the policy again, that its stage is no longer due. */
    public static final String VAR_STEP_CARRIED_OUT = "stepCarriedOut";
    /** Local input parameter of each stage task: which stage it carries out. */
    public static final String VAR_STAGE = "stage";

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

    private CollectionProcess() {
    }
}
