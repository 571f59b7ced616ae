package br.com.regua.promise;

/** Names shared with {@code processes/promise.bpmn}. */
public final class PromiseProcess {

    public static final String KEY = "promise";
    public static final String MESSAGE_PROMISE_KEPT = "PromiseKept";

    public static final String VAR_PROMISE_ID = "promiseId";
    public static final String VAR_REMINDER_AT = "reminderAt";
    public static final String VAR_TOLERANCE_ENDS_AT = "toleranceEndsAt";

    public static final String START = "StartEvent_PromiseMade";
    public static final String AWAIT_PAYMENT = "ReceiveTask_AwaitPromisedPayment";
    public static final String TIMER_REMINDER = "Timer_PromiseReminder";
    public static final String TASK_REMIND = "Task_RemindPromise";
    public static final String END_REMINDED = "EndEvent_PromiseReminded";
    public static final String TIMER_TOLERANCE_OVER = "Timer_ToleranceOver";
    public static final String TASK_CLOSE = "Task_ClosePromise";
    public static final String END_CLOSED = "EndEvent_PromiseClosed";
    public static final String END_KEPT = "EndEvent_PromiseKept";

    private PromiseProcess() {
    }
}
