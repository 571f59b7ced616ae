package br.com.regua.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import br.com.regua.contact.ContactService;
import br.com.regua.payment.NewPayment;
import br.com.regua.payment.PaymentMethod;
import br.com.regua.payment.PaymentService;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.receivable.ReceivableStatus;
import br.com.regua.schedule.CaseSnapshots;
import br.com.regua.cases.CollectionProcess;
import br.com.regua.support.ReguaSpringTests;
import br.com.regua.support.Receivables;

/**
 * Every path through processes/agreement.bpmn, with the real rules and the simulation clock.
 * Timeline: R$ 1.500,00 registered Monday 2 March 2026, due Monday 16 March; offers on Saturday
 * 25 April (40 days overdue, a new customer: up to 3 installments, charges waived, no interest);
 * installments due 5 May, 5 June and 5 July; reminders 3 days before, 5 days of grace.
 */
class AgreementProcessTests extends ReguaSpringTests {

    @Autowired
    ReceivableService receivables;
    @Autowired
    OfferService offers;
    @Autowired
    AgreementService agreements;
    @Autowired
    PaymentService payments;
    @Autowired
    ContactService contacts;
    @Autowired
    PolicyEngine policy;
    @Autowired
    CaseSnapshots snapshots;

    private String agreementFor(String id, int installments) {
        setClock("2026-03-02T10:00:00-03:00");
        receivables.register(Receivables.owing(id, "1500.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 16)));
        setClock("2026-04-25T10:00:00-03:00");
        Offer offer = offers.forReceivable(id).offers().stream().filter(o -> o.installmentCount() == installments).findFirst()
                .orElseThrow();
        return agreements.accept(offer.id()).agreement().id();
    }

    private ProcessInstance process(String agreementId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY).processInstanceBusinessKey(agreementId)
                .singleResult();
    }

    private void pay(String agreementId, int installment, String amount, String paidAt) {
        setClock(paidAt);
        agreements.pay(new NewPayment(agreementId + "-" + installment + "-" + paidAt, null, new BigDecimal(amount), PaymentMethod.PIX,
                OffsetDateTime.parse(paidAt), agreementId, installment));
    }

    private BigDecimal totalDueNow(String id) {
        Receivable r = receivables.get(id);
        Customer c = receivables.customer(r.customerId());
        LocalDate today = LocalDate.now(clock);
        return r.ledger().chargesAsOf(today, policy.evaluate(snapshots.of(r, c, today)).chargeRates()).total();
    }

    @Test
    void anAgreementWaitsForTheFirstInstallmentWithAReminderAndAGraceDeadline() {
        String id = agreementFor("agp-waits", 3);
        ProcessInstance pi = process(id);

        assertThat(pi).isWaitingAt(AgreementProcess.AWAIT_INSTALLMENT).hasPassed(AgreementProcess.TASK_PLAN);
        assertThat(runtime.getVariable(pi.getId(), AgreementProcess.VAR_INSTALLMENT)).isEqualTo(1);
        // reminder Saturday 2 May when contact hours open; grace until the end of Sunday 10 May
        assertThat(runtime.getVariable(pi.getId(), AgreementProcess.VAR_REMINDER_AT))
                .isEqualTo(java.util.Date.from(OffsetDateTime.parse("2026-05-02T08:00:00-03:00").toInstant()));
        assertThat(runtime.getVariable(pi.getId(), AgreementProcess.VAR_GRACE_ENDS_AT))
                .isEqualTo(java.util.Date.from(OffsetDateTime.parse("2026-05-11T00:00:00-03:00").toInstant()));
    }

    @Test
    void everyInstallmentPaidOnTimeKeepsTheAgreementAndEndsTheCollectionCaseWithThanks() {
        String id = agreementFor("agp-kept", 3);
        ProcessInstance pi = process(id);
        ProcessInstance collection = caseOf("agp-kept");

        fireNextTimer(pi.getId()); // 2 May: reminder of installment 1
        pay(id, 1, "500.00", "2026-05-04T10:00:00-03:00");
        pay(id, 2, "500.00", "2026-06-05T10:00:00-03:00");
        pay(id, 3, "500.00", "2026-07-01T10:00:00-03:00");

        assertThat(pi).isEnded().hasPassed(AgreementProcess.TIMER_REMINDER, AgreementProcess.TASK_REMIND, AgreementProcess.TASK_KEEP,
                AgreementProcess.END_KEPT).hasNotPassed(AgreementProcess.TASK_BREAK);
        assertThat(collection).isEnded().hasPassed(CollectionProcess.AWAIT_AGREEMENT_OUTCOME, CollectionProcess.END_PAID)
                .hasNotPassed(CollectionProcess.END_COLLECTION_ENDED);
        Receivable r = receivables.get("agp-kept");
        assertThat(r.status()).isEqualTo(ReceivableStatus.PAID);
        assertThat(r.ledger().isSettled()).isTrue();
        assertThat(receivables.customer(r.customerId()).history().getAgreementsKept()).isEqualTo(1);
        assertThat(agreements.get(id).status()).isEqualTo(AgreementStatus.KEPT);
        List<ContactService.Contact> sent = contacts.forReceivable(r.id());
        assertThat(sent).anySatisfy(c -> assertThat(c.subject()).contains("parcela 1 de 3").contains("05/05/2026"));
        assertThat(sent).anySatisfy(c -> assertThat(c.body()).contains("R$ 500,00", "copia e cola", "000201"));
        assertThat(sent).anySatisfy(c -> assertThat(c.stage()).isEqualTo("PAID"));
    }

    @Test
    void anInstallmentPaidLateWithinTheGraceKeepsTheAgreementGoing() {
        String id = agreementFor("agp-late", 2);
        ProcessInstance pi = process(id);

        fireNextTimer(pi.getId()); // reminder
        pay(id, 1, "750.00", "2026-05-08T10:00:00-03:00"); // three days late, grace until 10 May

        assertThat(pi).isWaitingAt(AgreementProcess.AWAIT_INSTALLMENT).hasNotPassed(AgreementProcess.TASK_BREAK);
        assertThat(runtime.getVariable(pi.getId(), AgreementProcess.VAR_INSTALLMENT)).isEqualTo(2);
        AgreementView view = agreements.get(id);
        assertThat(view.installments().get(0).paid()).isTrue();
        assertThat(view.installments().get(0).late()).isTrue();

        pay(id, 2, "750.00", "2026-06-05T10:00:00-03:00");

        assertThat(pi).isEnded().hasPassed(AgreementProcess.END_KEPT);
    }

    @Test
    void aPartialPaymentDoesNotPayTheInstallment() {
        String id = agreementFor("agp-partial", 3);
        ProcessInstance pi = process(id);

        pay(id, 1, "200.00", "2026-05-04T10:00:00-03:00");

        assertThat(pi).isWaitingAt(AgreementProcess.AWAIT_INSTALLMENT);
        assertThat(runtime.getVariable(pi.getId(), AgreementProcess.VAR_INSTALLMENT)).isEqualTo(1);
        assertThat(agreements.get(id).installments().get(0).paidAmount()).isEqualByComparingTo("200.00");
        assertThat(receivables.get("agp-partial").ledger().principalOutstanding()).isLessThan(new BigDecimal("1500.00"));
    }

    @Test
    void anInstallmentUnpaidPastItsGraceBreaksTheAgreementAndCollectionResumesWithTheFormalNotice() {
        String id = agreementFor("agp-broken", 3);
        ProcessInstance pi = process(id);

        fireNextTimer(pi.getId()); // 2 May: reminder
        fireNextTimer(pi.getId()); // 11 May 00:00: grace over

        assertThat(pi).isEnded().hasPassed(AgreementProcess.TIMER_GRACE_OVER, AgreementProcess.TASK_BREAK, AgreementProcess.END_BROKEN)
                .hasNotPassed(AgreementProcess.TASK_KEEP);
        assertThat(agreements.get(id).status()).isEqualTo(AgreementStatus.BROKEN);
        Receivable r = receivables.get("agp-broken");
        assertThat(r.status()).isEqualTo(ReceivableStatus.OPEN);
        Customer c = receivables.customer(r.customerId());
        assertThat(c.history().getAgreementsBroken()).isEqualTo(1);
        assertThat(c.history().getLastAgreementBrokenOn()).isEqualTo(LocalDate.of(2026, 5, 11));
        // the schedule restarts from the classification, in a job of its own after the break, and resumes
        // with the formal notice that Monday
        ProcessInstance collection = caseOf("agp-broken");
        runContinuation(collection.getId());
        assertThat(collection).isWaitingAt("Timer_UntilFormalNotice").hasPassed(CollectionProcess.AWAIT_AGREEMENT_OUTCOME);
        assertThat(receivables.get("agp-broken").nextStepAt()).isEqualTo(OffsetDateTime.parse("2026-05-11T08:00:00-03:00"));
        // the discount is revoked: the full amount with its charges is owed again
        assertThat(totalDueNow("agp-broken")).isGreaterThan(new BigDecimal("1500.00"));
        // and the customer is now risky: no new agreement for 180 days
        assertThat(offers.forReceivable("agp-broken").renegotiationAllowed()).isFalse();
    }

    @Test
    void afterABrokenAgreementCollectionResumesAndAFullPaymentEndsTheCase() {
        String id = agreementFor("agp-resumed", 3);
        ProcessInstance pi = process(id);
        pay(id, 1, "500.00", "2026-05-05T10:00:00-03:00");
        fireNextTimer(pi.getId()); // reminder of installment 2
        fireNextTimer(pi.getId()); // 11 June: grace over
        assertThat(pi).isEnded().hasPassed(AgreementProcess.END_BROKEN);
        ProcessInstance collection = caseOf("agp-resumed");
        runContinuation(collection.getId()); // the schedule restarts
        fireNextTimer(collection.getId()); // the formal notice goes out
        assertThat(collection).hasPassed("Task_SendFormalNotice").hasNotPassed("Task_SendRenegotiationOffer", "Task_QueueCollectorCall");
        assertThat(receivables.get("agp-resumed").stage()).isEqualTo("FORMAL_NOTICE");

        BigDecimal owed = totalDueNow("agp-resumed");
        // what was paid in the agreement counts; the discount does not
        assertThat(owed).isLessThan(new BigDecimal("1500.00")).isGreaterThan(new BigDecimal("1000.00"));
        payments.register(new NewPayment("agp-resumed-full", "agp-resumed", owed, PaymentMethod.PIX, OffsetDateTime.now(clock)));

        assertThat(collection).isEnded().hasPassed(CollectionProcess.END_PAID);
        assertThat(receivables.get("agp-resumed").status()).isEqualTo(ReceivableStatus.PAID);
    }
}
