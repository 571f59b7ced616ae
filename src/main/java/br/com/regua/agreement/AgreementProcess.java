package br.com.regua.agreement;

/** Names shared with {@code processes/agreement.bpmn}. */
public final class AgreementProcess {

    public static final String KEY = "agreement";
    public static final String MESSAGE_INSTALLMENT_PAID = "InstallmentPaid";

    public static final String VAR_AGREEMENT_ID = "agreementId";
    public static final String VAR_ALL_PAID = "allPaid";
    public static final String VAR_INSTALLMENT = "installment";
    public static final String VAR_REMINDER_AT = "reminderAt";
    public static final String VAR_GRACE_ENDS_AT = "graceEndsAt";

    public static final String TASK_PLAN = "Task_PlanNextInstallment";
    public static final String AWAIT_INSTALLMENT = "ReceiveTask_AwaitInstallment";
    public static final String TIMER_REMINDER = "Timer_InstallmentReminder";
    public static final String TIMER_GRACE_OVER = "Timer_GraceOver";
    public static final String TASK_REMIND = "Task_RemindInstallment";
    public static final String TASK_BREAK = "Task_BreakAgreement";
    public static final String TASK_KEEP = "Task_KeepAgreement";
    public static final String END_KEPT = "EndEvent_AgreementKept";
    public static final String END_BROKEN = "EndEvent_AgreementBroken";

    private AgreementProcess() {
    }
}
