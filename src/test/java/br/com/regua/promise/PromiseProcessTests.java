package br.com.regua.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import br.com.regua.cases.CaseEvents;
import br.com.regua.cases.CollectionProcess;
import br.com.regua.contact.ContactService;
import br.com.regua.contact.MessageKind;
import br.com.regua.events.BusinessEvent;
import br.com.regua.events.EventType;
import br.com.regua.payment.NewPayment;
import br.com.regua.payment.PaymentMethod;
import br.com.regua.payment.PaymentService;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.support.Receivables;
import br.com.regua.support.ReguaSpringTests;

/**
 * Every path through processes/promise.bpmn, with the real rules, the real collection case and the
 * simulation clock. Timeline: R$ 1.500,00 registered Monday 2 March 2026, due Monday 16 March, a
 * customer Régua has never seen pay (a new customer: two promises per case, up to 7 days ahead,
 * 1 day and R$ 2,00 of tolerance; weekly friendly reminders from day 3). On Monday 23 March at
 * 10:00 (day 7) the debtor promises R$ 500,00 by Thursday 26 March: the reminder is due Wednesday
 * 25 at 08:00, a payment keeps it until the end of Friday 27, and the case holds its escalation
 * until Saturday 28 March at 00:00.
 */
@RecordApplicationEvents
class PromiseProcessTests extends ReguaSpringTests {

    static final OffsetDateTime HOLD_ENDS = OffsetDateTime.parse("2026-03-28T00:00:00-03:00");

    @Autowired
    ReceivableService receivables;
    @Autowired
    PromiseService promises;
    @Autowired
    PaymentService payments;
    @Autowired
    ContactService contacts;
    @Autowired
    CaseEvents caseEvents;
    @Autowired
    ApplicationEvents published;

    /** The receivable walked to Monday 23 March 10:00 through its schedule, then the promise of R$ 500,00 by 26 March. */
    private PromiseView promised(String id) {
        registeredAndWalkedTo(id, "2026-03-23T10:00:00-03:00");
        return promises.make(id, new BigDecimal("500.00"), LocalDate.of(2026, 3, 26), "collector-ana");
    }

    private void registeredAndWalkedTo(String id, String when) {
        setClock("2026-03-02T10:00:00-03:00");
        receivables.register(Receivables.owing(id, "1500.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 16)));
        String caseId = caseOf(id).getId();
        OffsetDateTime target = OffsetDateTime.parse(when);
        while (nextTimer(caseId) != null && !nextTimer(caseId).getDuedate().toInstant().isAfter(target.toInstant())) {
            fireNextTimer(caseId);
        }
        setClock(when);
    }

    private Job nextTimer(String processInstanceId) {
        return management.createJobQuery().processInstanceId(processInstanceId).timers().orderByJobDuedate().asc().list().stream()
                .findFirst().orElse(null);
    }

    private ProcessInstance process(String promiseId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PromiseProcess.KEY).processInstanceBusinessKey(promiseId)
                .singleResult();
    }

    private void pay(String id, String amount, String paidAt) {
        setClock(paidAt);
        payments.register(new NewPayment(id + "-" + paidAt, id, new BigDecimal(amount), PaymentMethod.PIX, OffsetDateTime.parse(paidAt)));
    }

    private PromiseView promise(String id) {
        return promises.forReceivable(id).get(0);
    }

    private List<String> promiseTimeline(String id) {
        return caseEvents.forReceivable(receivables.get(id).id()).stream().filter(e -> e.kind() == CaseEvents.Kind.PROMISE)
                .map(CaseEvents.CaseEvent::detail).toList();
    }

    private List<BusinessEvent> announced(String id, EventType type) {
        return published.stream(BusinessEvent.class).filter(e -> e.receivable().equals(id) && e.type() == type).toList();
    }

    private List<ContactService.Contact> reminders(String id) {
        return contacts.forReceivable(receivables.get(id).id()).stream().filter(c -> c.kind() == MessageKind.PROMISE_REMINDER).toList();
    }

    @Test
    void aPromiseWaitsForThePaymentWithAReminderTheDayBeforeAndTheEndOfItsTolerance() {
        PromiseView p = promised("prp-waits");
        ProcessInstance pi = process(p.id());

        assertThat(pi).isWaitingAt(PromiseProcess.AWAIT_PAYMENT);
        assertThat(runtime.getVariable(pi.getId(), PromiseProcess.VAR_REMINDER_AT))
                .isEqualTo(Date.from(OffsetDateTime.parse("2026-03-25T08:00:00-03:00").toInstant()));
        assertThat(runtime.getVariable(pi.getId(), PromiseProcess.VAR_TOLERANCE_ENDS_AT)).isEqualTo(Date.from(HOLD_ENDS.toInstant()));
        assertThat(p.status()).isEqualTo(PromiseStatus.OPEN);
        assertThat(p.toleranceDays()).isEqualTo(1);
        assertThat(p.toleranceAmount()).isEqualByComparingTo("2.00");
        assertThat(p.keptBy()).isEqualTo(LocalDate.of(2026, 3, 27));
        assertThat(p.madeBy()).isEqualTo("collector-ana");
        assertThat(promiseTimeline("prp-waits")).singleElement().asString().contains("made", "500.00", "2026-03-26");
        assertThat(announced("prp-waits", EventType.PROMISE_CREATED)).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("amount", "500.00").containsEntry("date", "2026-03-26"));
    }

    @Test
    void aPaymentCoveringThePromiseKeepsItAtOnceAndTheReminderIsNotRecorded() {
        PromiseView p = promised("prp-kept");
        ProcessInstance pi = process(p.id());

        pay("prp-kept", "500.00", "2026-03-24T15:00:00-03:00");

        assertThat(pi).isEnded().hasPassed(PromiseProcess.END_KEPT)
                .hasNotPassed(PromiseProcess.TASK_REMIND, PromiseProcess.TASK_CLOSE);
        assertThat(promise("prp-kept").status()).isEqualTo(PromiseStatus.KEPT);
        assertThat(promise("prp-kept").paid()).isEqualByComparingTo("500.00");
        Receivable r = receivables.get("prp-kept");
        assertThat(receivables.customer(r.customerId()).history().getPromisesKept()).isEqualTo(1);
        assertThat(receivables.customer(r.customerId()).history().getPromisesBroken()).isZero();
        assertThat(promiseTimeline("prp-kept")).last().asString().contains("kept", "500.00 paid of 500.00");
        assertThat(announced("prp-kept", EventType.PROMISE_KEPT)).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("paid", "500.00"));
        assertThat(reminders("prp-kept")).isEmpty();
    }

    @Test
    void partialPaymentsAddUpAndKeepThePromiseWithinTheAmountTolerance() {
        PromiseView p = promised("prp-partial-kept");

        pay("prp-partial-kept", "300.00", "2026-03-24T15:00:00-03:00");
        assertThat(process(p.id())).isWaitingAt(PromiseProcess.AWAIT_PAYMENT);
        assertThat(promise("prp-partial-kept").paid()).isEqualByComparingTo("300.00");
        // R$ 498,00 is R$ 2,00 short: the new customer's tolerance, on the last day of it
        pay("prp-partial-kept", "198.00", "2026-03-27T18:00:00-03:00");

        assertThat(promise("prp-partial-kept").status()).isEqualTo(PromiseStatus.KEPT);
        assertThat(historyOf("prp-partial-kept").getPromisesKept()).isEqualTo(1);
    }

    @Test
    void partialPaymentsBeyondTheAmountToleranceBreakThePromiseWhenTheToleranceEnds() {
        PromiseView p = promised("prp-partial-broken");
        ProcessInstance pi = process(p.id());

        pay("prp-partial-broken", "300.00", "2026-03-24T15:00:00-03:00");
        fireNextTimer(pi.getId()); // Wednesday 25 March 08:00: the reminder
        pay("prp-partial-broken", "197.00", "2026-03-26T15:00:00-03:00"); // R$ 3,00 short
        fireNextTimer(pi.getId()); // Saturday 28 March 00:00: the tolerance is over

        assertThat(pi).isEnded().hasPassed(PromiseProcess.TIMER_TOLERANCE_OVER, PromiseProcess.TASK_CLOSE, PromiseProcess.END_CLOSED)
                .hasNotPassed(PromiseProcess.END_KEPT);
        assertThat(promise("prp-partial-broken").status()).isEqualTo(PromiseStatus.BROKEN);
        assertThat(promise("prp-partial-broken").paid()).isEqualByComparingTo("497.00");
        assertThat(historyOf("prp-partial-broken").getPromisesBroken()).isEqualTo(1);
        assertThat(promiseTimeline("prp-partial-broken")).last().asString().contains("broken", "497.00 paid of 500.00");
        assertThat(announced("prp-partial-broken", EventType.PROMISE_BROKEN)).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("paid", "497.00").containsEntry("amount", "500.00"));
    }

    @Test
    void aPaymentAfterTheToleranceDaysDoesNotKeepAPromiseAlreadyBroken() {
        PromiseView p = promised("prp-late");
        ProcessInstance pi = process(p.id());

        fireNextTimer(pi.getId()); // Wednesday 25 March 08:00: the reminder
        fireNextTimer(pi.getId()); // Saturday 28 March 00:00: nothing paid, broken
        pay("prp-late", "500.00", "2026-03-28T10:00:00-03:00");

        assertThat(promise("prp-late").status()).isEqualTo(PromiseStatus.BROKEN);
        assertThat(promise("prp-late").paid()).as("paid after the tolerance: not toward the promise").isEqualByComparingTo("0.00");
        assertThat(historyOf("prp-late").getPromisesKept()).isZero();
        assertThat(announced("prp-late", EventType.PROMISE_KEPT)).isEmpty();
    }

    @Test
    void aPaymentOnTheLastDayOfTheToleranceKeepsThePromise() {
        PromiseView p = promised("prp-tolerance-day");
        ProcessInstance pi = process(p.id());

        pay("prp-tolerance-day", "500.00", "2026-03-27T23:30:00-03:00"); // the day after the promised date

        assertThat(pi).isEnded().hasPassed(PromiseProcess.END_KEPT);
        assertThat(promise("prp-tolerance-day").status()).isEqualTo(PromiseStatus.KEPT);
    }

    @Test
    void theReminderIsRecordedTheDayBeforeInPortugueseWithTheAmountsBrokenDown() {
        PromiseView p = promised("prp-reminded");
        ProcessInstance pi = process(p.id());
        pay("prp-reminded", "100.00", "2026-03-24T15:00:00-03:00");

        fireNextTimer(pi.getId()); // Wednesday 25 March 08:00

        assertThat(pi).isWaitingAt(PromiseProcess.AWAIT_PAYMENT).hasPassed(PromiseProcess.TIMER_REMINDER, PromiseProcess.TASK_REMIND,
                PromiseProcess.END_REMINDED);
        assertThat(reminders("prp-reminded")).hasSize(2).allSatisfy(c -> assertThat(c.stage()).isNull());
        ContactService.Contact email = reminders("prp-reminded").stream()
                .filter(c -> c.channel() == br.com.regua.policy.Channel.EMAIL).findFirst().orElseThrow();
        assertThat(email.subject()).isEqualTo("Lembrete: pagamento combinado de R$ 500,00 até 26/03/2026");
        assertThat(email.body()).contains("Olá, Maria da Silva.", "Valor combinado: R$ 500,00", "Já pago desde o combinado: R$ 100,00",
                "Falta pagar do valor combinado: R$ 400,00", "Valor principal:", "Multa:", "Juros de mora:", "Total:")
                .doesNotContain("{{");
        ContactService.Contact sms = reminders("prp-reminded").stream()
                .filter(c -> c.channel() == br.com.regua.policy.Channel.SMS).findFirst().orElseThrow();
        assertThat(sms.body()).contains("R$ 500,00", "26/03/2026", "R$ 400,00").hasSizeLessThanOrEqualTo(240);
    }

    @Test
    void aPromiseMadeTheDayBeforeItsDateGetsNoReminder() {
        registeredAndWalkedTo("prp-short", "2026-03-25T11:00:00-03:00");
        PromiseView p = promises.make("prp-short", new BigDecimal("500.00"), LocalDate.of(2026, 3, 26), "collector-ana");
        ProcessInstance pi = process(p.id());

        fireNextTimer(pi.getId()); // the reminder's moment has passed: its timer fires at once

        assertThat(pi).hasPassed(PromiseProcess.TASK_REMIND).isWaitingAt(PromiseProcess.AWAIT_PAYMENT);
        assertThat(reminders("prp-short")).as("the debtor has just said it").isEmpty();
    }

    @Test
    void theCaseHoldsItsEscalationWhileThePromiseIsOpenAndResumesWhenItIsBroken() {
        registeredAndWalkedTo("prp-hold", "2026-03-23T10:00:00-03:00");
        String caseId = caseOf("prp-hold").getId();
        Receivable before = receivables.get("prp-hold");
        // day 7: the second friendly reminder is planned for Thursday 26 March, day 10
        assertThat(before.nextStage()).isEqualTo("FRIENDLY_REMINDER");
        assertThat(before.nextStepAt()).isBefore(HOLD_ENDS);
        int scheduleMessages = scheduleMessages("prp-hold");

        PromiseView p = promises.make("prp-hold", new BigDecimal("500.00"), LocalDate.of(2026, 3, 26), "collector-ana");

        // the case's timer waits for the end of the tolerance, and the case shows it
        assertThat(nextTimer(caseId).getDuedate()).isEqualTo(Date.from(HOLD_ENDS.toInstant()));
        assertThat(receivables.get("prp-hold").nextStepAt()).isEqualTo(HOLD_ENDS);
        assertThat(receivables.get("prp-hold").heldUntil()).isEqualTo(HOLD_ENDS);

        // Wednesday 25 March 08:00: the promise's reminder; the case, held, says nothing
        String promiseProcess = process(p.id()).getId();
        fireNextTimer(promiseProcess);
        // Saturday 28 March 00:00: the tolerance is over, the promise broken; the case asks the policy again
        fireNextTimer(promiseProcess);
        assertThat(promise("prp-hold").status()).isEqualTo(PromiseStatus.BROKEN);
        fireNextTimer(caseId);
        assertThat(scheduleMessages("prp-hold")).as("nothing said during the hold").isEqualTo(scheduleMessages);
        assertThat(receivables.get("prp-hold").lastStepDay()).isEqualTo(before.lastStepDay());
        // Saturday 08:00, when contact hours open: the friendly reminder of day 10, held until now, goes
        fireNextTimer(caseId);
        assertThat(OffsetDateTime.now(clock)).isEqualTo(OffsetDateTime.parse("2026-03-28T08:00:00-03:00"));
        assertThat(scheduleMessages("prp-hold")).isGreaterThan(scheduleMessages);
        assertThat(receivables.get("prp-hold").stage()).isEqualTo("FRIENDLY_REMINDER");
        assertThat(receivables.get("prp-hold").lastStepDay()).isEqualTo(10);
    }

    @Test
    void aPromiseWhoseReceivableWentIntoADisputeIsClosedNeitherKeptNorBroken() {
        PromiseView p = promised("prp-disputed");
        ProcessInstance pi = process(p.id());
        assertThat(as(br.com.regua.security.Role.INTEGRATION).postForEntity("/api/receivables/prp-disputed/disputes",
                jsonEntity("{\"reason\": \"Já paguei esta mensalidade\"}"), String.class).getStatusCode().value()).isEqualTo(201);

        fireNextTimer(pi.getId()); // the reminder: the receivable is disputed, nothing is said
        fireNextTimer(pi.getId()); // the tolerance is over

        assertThat(pi).isEnded().hasPassed(PromiseProcess.END_CLOSED);
        assertThat(reminders("prp-disputed")).isEmpty();
        assertThat(promise("prp-disputed").status()).isEqualTo(PromiseStatus.CLOSED);
        assertThat(historyOf("prp-disputed").getPromisesBroken()).isZero();
        assertThat(caseOf("prp-disputed")).isWaitingAt(CollectionProcess.USER_TASK_REVIEW_DISPUTE);
    }

    @Test
    void aPromiseWhoseProcessIsDeletedInTheEngineIsClosedAndSaysWhoDeletedIt() {
        PromiseView p = promised("prp-deleted");

        runtime.deleteProcessInstance(process(p.id()).getId(), "recorded by mistake");

        assertThat(promise("prp-deleted").status()).isEqualTo(PromiseStatus.CLOSED);
        assertThat(promiseTimeline("prp-deleted")).last().asString().contains("deleted in the engine", "recorded by mistake");
        assertThat(historyOf("prp-deleted").getPromisesBroken()).isZero();
        assertThat(reminders("prp-deleted")).isEmpty();
    }

    private static org.springframework.http.HttpEntity<String> jsonEntity(String body) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return new org.springframework.http.HttpEntity<>(body, headers);
    }

    private br.com.regua.policy.PaymentHistory historyOf(String id) {
        return receivables.customer(receivables.get(id).customerId()).history();
    }

    private int scheduleMessages(String id) {
        return (int) contacts.forReceivable(receivables.get(id).id()).stream().filter(c -> c.kind() == MessageKind.SCHEDULE).count();
    }
}
