package br.com.regua.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import br.com.regua.cases.CollectionProcess;
import br.com.regua.contact.ContactService;
import br.com.regua.payment.NewPayment;
import br.com.regua.payment.PaymentMethod;
import br.com.regua.payment.PaymentService;
import br.com.regua.policy.CompiledPolicy;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.receivable.ReceivableStatus;
import br.com.regua.support.ReguaSpringTests;
import br.com.regua.support.Receivables;

/**
 * Every path through processes/collection.bpmn, driven by the real delegates, the real policy in
 * rules/ and the simulation clock. Dates: registered Monday 2 March 2026, due Monday 16 March.
 */
class CollectionProcessTests extends ReguaSpringTests {

    private static final LocalDate ISSUED = LocalDate.of(2026, 3, 1);
    private static final LocalDate DUE = LocalDate.of(2026, 3, 16);
    private static final String REGISTERED_AT = "2026-03-02T10:00:00-03:00";

    @Autowired
    ReceivableService receivables;
    @Autowired
    PaymentService payments;
    @Autowired
    PolicyEngine policy;
    @Autowired
    CaseSnapshots snapshots;
    @Autowired
    ContactService contacts;

    private int payments_made;

    private ProcessInstance register(String id, String amount) {
        setClock(REGISTERED_AT);
        receivables.register(Receivables.owing(id, amount, ISSUED, DUE));
        return caseOf(id);
    }

    private BigDecimal totalDueNow(String id) {
        Receivable r = receivables.get(id);
        Customer c = receivables.customer(r.customerId());
        LocalDate today = LocalDate.now(clock);
        return r.ledger().chargesAsOf(today, policy.evaluate(snapshots.of(r, c, today)).chargeRates()).total();
    }

    private PaymentService.Outcome pay(String id, BigDecimal amount) {
        return payments.register(new NewPayment(id + "-pay-" + (++payments_made), id, amount, PaymentMethod.PIX,
                OffsetDateTime.now(clock)));
    }

    /** Fires the next timer, or completes a waiting collector call; false when the case cannot move. */
    private boolean moveOn(ProcessInstance pi) {
        if (fireNextTimer(pi.getId())) {
            return true;
        }
        List<Task> calls = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(CollectionProcess.USER_TASK_CALL).list();
        calls.forEach(t -> tasks.complete(t.getId()));
        return !calls.isEmpty();
    }

    private void moveUntilPassed(ProcessInstance pi, String activityId) {
        for (int i = 0; i < 40 && !hasPassed(pi.getId(), activityId); i++) {
            if (!moveOn(pi)) {
                break;
            }
        }
        assertThat(hasPassed(pi.getId(), activityId)).as("passed " + activityId).isTrue();
    }

    private void assertPaidAndThanked(ProcessInstance pi, String id) {
        assertThat(pi).isEnded().hasPassed("Task_ThankCustomer", CollectionProcess.END_PAID);
        assertThat(receivables.get(id).status()).isEqualTo(ReceivableStatus.PAID);
        assertThat(receivables.get(id).stage()).isEqualTo("PAID");
        assertThat(contacts.forReceivable(receivables.get(id).id()))
                .anySatisfy(c -> assertThat(c.stage()).isEqualTo("PAID"));
    }

    @Test
    void registrationClassifiesTheDebtorAndWaitsForThePreDueReminderDate() {
        ProcessInstance pi = register("proc-registered", "1500.00");

        assertThat(pi).isWaitingAt("Timer_UntilPreDueReminder").hasPassed(CollectionProcess.TASK_CLASSIFY);
        Receivable r = receivables.get("proc-registered");
        assertThat(r.segment()).isNotNull();
        // a new customer is reminded five days before the due date, when contact hours open
        assertThat(r.nextStepAt()).isEqualTo(OffsetDateTime.parse("2026-03-11T08:00:00-03:00"));
    }

    @Test
    void paidBeforeTheDueDateEndsTheCaseWithAThankYou() {
        ProcessInstance pi = register("proc-paid-early", "1500.00");

        PaymentService.Outcome outcome = pay("proc-paid-early", new BigDecimal("1500.00"));

        assertThat(outcome.receivableStatus()).isEqualTo(ReceivableStatus.PAID);
        assertPaidAndThanked(pi, "proc-paid-early");
        assertThat(pi).hasNotPassed("Task_SendPreDueReminder");
    }

    @Test
    void paidDuringTheGracePeriodEndsTheCase() {
        ProcessInstance pi = register("proc-paid-grace", "1500.00");
        moveUntilPassed(pi, "Task_SendDueDayNotice");
        assertThat(pi).isWaitingAt("Timer_UntilGracePeriod");

        setClock("2026-03-17T11:00:00-03:00"); // the day after the due date, still in grace
        pay("proc-paid-grace", totalDueNow("proc-paid-grace"));

        assertPaidAndThanked(pi, "proc-paid-grace");
        assertThat(pi).hasNotPassed("Task_EndGracePeriod", "Task_SendFriendlyReminder");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Task_SendPreDueReminder", "Task_SendDueDayNotice", "Task_EndGracePeriod",
            "Task_SendFriendlyReminder", "Task_SendRenegotiationOffer", "Task_QueueCollectorCall", "Task_SendFormalNotice",
            "Task_SendBureauPriorNotice", "Task_ReportToBureau", "Task_SendSuspensionNotice", "Task_ReferToAgency",
            "Task_ReferToLegal"})
    void paymentAfterAnyStageEndsTheCase(String stageTask) {
        String id = "proc-paid-after-" + stageTask;
        ProcessInstance pi = register(id, "1500.00");
        moveUntilPassed(pi, stageTask);

        pay(id, totalDueNow(id));

        assertPaidAndThanked(pi, id);
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void aPartialPaymentLowersTheBalanceAndCollectionGoesOn() {
        ProcessInstance pi = register("proc-partial", "1500.00");
        moveUntilPassed(pi, "Task_SendFriendlyReminder");

        PaymentService.Outcome outcome = pay("proc-partial", new BigDecimal("500.00"));

        assertThat(outcome.receivableStatus()).isEqualTo(ReceivableStatus.OPEN);
        assertThat(pi).isNotEnded();
        assertThat(receivables.get("proc-partial").ledger().principalOutstanding()).isLessThan(new BigDecimal("1500.00"));
    }

    @Test
    void anUnpaidDebtWalksEveryStageToALegalReview() {
        ProcessInstance pi = register("proc-legal", "1500.00");
        moveUntilPassed(pi, "Task_ReferToLegal");

        assertThat(pi).isWaitingAt(CollectionProcess.USER_TASK_LEGAL_REVIEW).hasPassed(
                "Task_SendPreDueReminder", "Task_SendDueDayNotice", "Task_EndGracePeriod", "Task_SendFriendlyReminder",
                "Task_SendRenegotiationOffer", "Task_QueueCollectorCall", "UserTask_CallDebtor", "Task_SendFormalNotice",
                "Task_SendBureauPriorNotice", "Task_ReportToBureau", "Task_SendSuspensionNotice", "Task_ReferToAgency");
        Task review = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(review).hasCandidateGroup("legal");
        assertThat(review.getPriority()).isGreaterThan(0);

        tasks.complete(review.getId());

        assertThat(pi).isEnded().hasPassed(CollectionProcess.END_REFERRED_TO_LEGAL, CollectionProcess.END_COLLECTION_ENDED);
        assertThat(receivables.get("proc-legal").stage()).isEqualTo("LEGAL_REFERRAL");
    }

    @Test
    void collectorCallsLandInTasklistWithThePriorityRulesComputed() {
        ProcessInstance pi = register("proc-call", "1500.00");
        moveUntilPassed(pi, "Task_QueueCollectorCall");

        assertThat(pi).isWaitingAt(CollectionProcess.USER_TASK_CALL);
        Task call = task(pi);
        assertThat(call).hasCandidateGroup("collectors");
        assertThat(call.getPriority()).isEqualTo(runtime.getVariable(pi.getId(), CollectionProcess.VAR_TASK_PRIORITY));

        tasks.complete(call.getId());

        // completed without the call form (Tasklist's own button): no call back, the schedule goes on
        assertThat(pi).isWaitingAt("Timer_UntilFormalNotice").hasPassed(CollectionProcess.GATEWAY_CALL_OUTCOME)
                .hasNotPassed(CollectionProcess.TIMER_CALL_BACK);
    }

    @Test
    void aCallIsOfferedToTheCollectorGroupsThePolicyNames() {
        ProcessInstance small = register("proc-call-groups", "1500.00");
        ProcessInstance large = register("proc-call-groups-large", "15000.00");
        moveUntilPassed(small, "Task_QueueCollectorCall");
        moveUntilPassed(large, "Task_QueueCollectorCall");

        // the tests' policy: every call to the collectors, balances from R$ 10.000,00 to the seniors too
        assertThat(task(small)).hasCandidateGroup("collectors");
        assertThat(tasks.getIdentityLinksForTask(task(small).getId())).extracting(l -> l.getGroupId()).containsOnly("collectors");
        assertThat(tasks.getIdentityLinksForTask(task(large).getId())).extracting(l -> l.getGroupId())
                .containsExactlyInAnyOrder("collectors", "collectors-senior");
    }

    @Test
    void aCallBackWaitsUntilTheTimeAskedAndBringsTheCallBack() {
        ProcessInstance pi = register("proc-call-back", "1500.00");
        moveUntilPassed(pi, "Task_QueueCollectorCall");
        Task call = task(pi);
        java.util.Date at = java.util.Date.from(OffsetDateTime.now(clock).plusHours(3).toInstant());

        tasks.complete(call.getId(), Map.of(CollectionProcess.VAR_CALL_OUTCOME, "CALL_BACK", CollectionProcess.VAR_CALL_BACK_AT, at));

        assertThat(pi).isWaitingAt(CollectionProcess.TIMER_CALL_BACK).hasPassed(CollectionProcess.GATEWAY_CALL_OUTCOME);
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId(CollectionProcess.TIMER_CALL_BACK).singleResult()
                .getDuedate()).isEqualTo(at);

        fireNextTimer(pi.getId());

        assertThat(pi).isWaitingAt(CollectionProcess.USER_TASK_CALL);
        Task again = task(pi);
        assertThat(again.getId()).isNotEqualTo(call.getId());
        assertThat(again.getPriority()).isEqualTo(call.getPriority());

        tasks.complete(again.getId(), Map.of(CollectionProcess.VAR_CALL_OUTCOME, "NO_ANSWER"));

        assertThat(pi).isWaitingAt("Timer_UntilFormalNotice");
    }

    @Test
    void aCallNobodyMadeDoesNotHoldTheScheduleBack() {
        ProcessInstance pi = register("proc-call-missed", "1500.00");
        moveUntilPassed(pi, "Task_QueueCollectorCall");
        assertThat(pi).isWaitingAt(CollectionProcess.USER_TASK_CALL);

        fireNextTimer(pi.getId()); // the formal notice date comes with the call still open
        fireNextTimer(pi.getId());

        assertThat(pi).hasPassed("Timer_NextStepDue", "Task_SendFormalNotice");
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(CollectionProcess.USER_TASK_CALL).count())
                .isZero();
    }

    @Test
    void aSmallDebtIsWrittenOffInsteadOfGoingToLawyers() {
        ProcessInstance pi = register("proc-write-off", "300.00");
        moveUntilPassed(pi, "Task_WriteOff");

        assertThat(pi).isEnded().hasPassed(CollectionProcess.END_WRITTEN_OFF, CollectionProcess.END_COLLECTION_ENDED)
                .hasNotPassed("Task_ReferToLegal");
        assertThat(receivables.get("proc-write-off").status()).isEqualTo(ReceivableStatus.WRITTEN_OFF);
    }

    @Test
    void aPartialPaymentThatBringsTheBalanceUnderTheThresholdTurnsTheLegalReferralIntoAWriteOff() {
        ProcessInstance pi = register("proc-reschedule", "600.00");
        moveUntilPassed(pi, "Task_ReferToAgency");
        assertThat(runtime.getVariable(pi.getId(), CollectionProcess.VAR_NEXT_STAGE)).isEqualTo("LEGAL_REFERRAL");

        pay("proc-reschedule", totalDueNow("proc-reschedule").subtract(new BigDecimal("200.00")));
        // the timer still fires on the legal referral date; the policy, asked again, says write-off
        fireNextTimer(pi.getId());
        fireNextTimer(pi.getId());

        assertThat(pi).isEnded().hasPassed(CollectionProcess.END_WRITTEN_OFF)
                .hasNotPassed(CollectionProcess.USER_TASK_LEGAL_REVIEW, CollectionProcess.END_REFERRED_TO_LEGAL);
    }

    @Test
    void whenThePolicyPlansNothingMoreTheScheduleFinishes() {
        CompiledPolicy defaults = policy.active();
        Map<String, String> files = new HashMap<>(defaults.files());
        files.put("test-nothing-after-due-day.drl", """
                package br.com.regua.policy;
                rule "Test: nothing is planned after the due day"
                    salience -1000
                when
                    $s : PlannedStep(day > 0)
                then
                    delete($s);
                end
                """);
        policy.activate(CompiledPolicy.compile(files));
        try {
            ProcessInstance pi = register("proc-finished", "1500.00");
            moveUntilPassed(pi, "Task_SendDueDayNotice");

            assertThat(pi).isEnded().hasPassed(CollectionProcess.END_SCHEDULE_FINISHED);
        } finally {
            policy.activate(defaults);
        }
    }
}
