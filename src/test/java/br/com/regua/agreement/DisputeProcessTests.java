package br.com.regua.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import br.com.regua.contact.ContactService;
import br.com.regua.errors.ConflictException;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.receivable.ReceivableStatus;
import br.com.regua.cases.CollectionProcess;
import br.com.regua.support.Receivables;
import br.com.regua.support.ReguaSpringTests;

/**
 * The dispute path of processes/collection.bpmn. R$ 1.500,00 registered Monday 2 March 2026, due
 * Monday 16 March; the dispute is opened on the day of the last friendly reminder, while the case
 * waits for the renegotiation offer date (31 March), and resolved exactly a week later.
 */
class DisputeProcessTests extends ReguaSpringTests {

    @Autowired
    ReceivableService receivables;
    @Autowired
    DisputeService disputes;
    @Autowired
    AgreementService agreements;
    @Autowired
    OfferService offers;
    @Autowired
    ContactService contacts;
    @Autowired
    FormService formService;

    private ProcessInstance waitingForTheOffer(String id) {
        setClock("2026-03-02T10:00:00-03:00");
        receivables.register(Receivables.owing(id, "1500.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 16)));
        ProcessInstance pi = caseOf(id);
        for (int i = 0; i < 10 && !runtime.getActiveActivityIds(pi.getId()).contains("Timer_UntilRenegotiationOffer"); i++) {
            fireNextTimer(pi.getId());
        }
        assertThat(pi).isWaitingAt("Timer_UntilRenegotiationOffer").hasPassed("Task_SendFriendlyReminder");
        return pi;
    }

    private Task review(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(CollectionProcess.USER_TASK_REVIEW_DISPUTE)
                .singleResult();
    }

    @Test
    void aDisputePausesTheCaseForAPersonToReview() {
        ProcessInstance pi = waitingForTheOffer("dsp-paused");
        int messagesBefore = contacts.forReceivable(receivables.get("dsp-paused").id()).size();

        DisputeView d = disputes.open("dsp-paused", "Já paguei por boleto em 10/03");

        assertThat(d.status()).isEqualTo("OPEN");
        assertThat(pi).isWaitingAt(CollectionProcess.USER_TASK_REVIEW_DISPUTE).hasPassed("Boundary_DisputeOpened");
        assertThat(review(pi)).hasCandidateGroup("disputes");
        assertThat(formService.getTaskFormData(review(pi).getId()).getFormFields())
                .extracting(f -> f.getId() + "=" + f.getValue().getValue())
                .containsExactly("disputeReason=Já paguei por boleto em 10/03", "disputeOutcome=null");
        // nothing waits to fire: no message, no bureau step while the dispute stands
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(receivables.get("dsp-paused").status()).isEqualTo(ReceivableStatus.DISPUTED);
        assertThat(receivables.get("dsp-paused").nextStepAt()).isNull();
        assertThat(contacts.forReceivable(receivables.get("dsp-paused").id())).hasSize(messagesBefore);
        assertThatThrownBy(() -> disputes.open("dsp-paused", "de novo")).isInstanceOf(ConflictException.class);
    }

    @Test
    void aRejectedDisputeResumesTheScheduleWithoutCountingThePausedDays() {
        ProcessInstance pi = waitingForTheOffer("dsp-rejected");
        OffsetDateTime offerWasDue = receivables.get("dsp-rejected").nextStepAt();
        DisputeView d = disputes.open("dsp-rejected", "O valor está errado");

        clock.moveTo(clock.instant().plus(Duration.ofDays(7)));
        DisputeView resolved = disputes.resolve(d.id(), DisputeOutcome.REJECTED, null, "Cobrança correta, conforme contrato");

        // the outcome is applied at once; the process goes on from the review in a job of its own
        assertThat(resolved.status()).isEqualTo("REJECTED");
        assertThat(receivables.get("dsp-rejected").status()).isEqualTo(ReceivableStatus.OPEN);
        assertThat(pi).isWaitingAt(CollectionProcess.TASK_APPLY_DISPUTE_OUTCOME);
        runContinuation(pi.getId());
        assertThat(pi).hasPassed(CollectionProcess.TASK_APPLY_DISPUTE_OUTCOME).isWaitingAt("Timer_UntilRenegotiationOffer");
        Receivable r = receivables.get("dsp-rejected");
        assertThat(r.status()).isEqualTo(ReceivableStatus.OPEN);
        assertThat(r.pausedDays()).isEqualTo(7);
        assertThat(Duration.between(offerWasDue, r.nextStepAt())).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void anUpheldDisputeCancelsTheReceivableAndEndsTheCase() {
        ProcessInstance pi = waitingForTheOffer("dsp-upheld");
        DisputeView d = disputes.open("dsp-upheld", "Serviço nunca prestado");

        disputes.resolve(d.id(), DisputeOutcome.UPHELD, null, null);
        runContinuation(pi.getId());

        assertThat(pi).isEnded().hasPassed(CollectionProcess.END_DEBT_CANCELLED).hasNotPassed("Task_SendRenegotiationOffer");
        assertThat(receivables.get("dsp-upheld").status()).isEqualTo(ReceivableStatus.CANCELLED);
    }

    @Test
    void anUpheldDisputeThatCorrectsTheAmountLetsCollectionGoOnWithTheNewAmount() {
        ProcessInstance pi = waitingForTheOffer("dsp-corrected");
        DisputeView d = disputes.open("dsp-corrected", "A mensalidade é R$ 1.200,00");

        disputes.resolve(d.id(), DisputeOutcome.UPHELD, new BigDecimal("1200.00"), "Desconto de irmão não aplicado");
        runContinuation(pi.getId());

        assertThat(pi).isWaitingAt("Timer_UntilRenegotiationOffer");
        Receivable r = receivables.get("dsp-corrected");
        assertThat(r.status()).isEqualTo(ReceivableStatus.OPEN);
        assertThat(r.principal()).isEqualByComparingTo("1200.00");
        assertThat(r.ledger().principalOutstanding()).isEqualByComparingTo("1200.00");
    }

    @Test
    void aReviewerCanDecideFromTheTasklistForm() {
        ProcessInstance pi = waitingForTheOffer("dsp-tasklist");
        DisputeView d = disputes.open("dsp-tasklist", "Não reconheço");

        tasks.complete(review(pi).getId(), Map.of(CollectionProcess.VAR_DISPUTE_OUTCOME, "REJECTED"));
        // the reviewer's completion commits on its own: the outcome is applied in the job that follows
        assertThat(disputes.get(d.id()).status()).isEqualTo("OPEN");
        runContinuation(pi.getId());

        assertThat(pi).isWaitingAt("Timer_UntilRenegotiationOffer");
        assertThat(disputes.get(d.id()).status()).isEqualTo("REJECTED");
    }

    @Test
    void aReceivableInAnAgreementCannotBeDisputedUntilTheAgreementEnds() {
        waitingForTheOffer("dsp-agreement");
        agreements.accept(offers.forReceivable("dsp-agreement").offers().get(0).id());

        assertThatThrownBy(() -> disputes.open("dsp-agreement", "Não reconheço")).isInstanceOf(ConflictException.class);
        assertThat(receivables.get("dsp-agreement").status()).isEqualTo(ReceivableStatus.IN_AGREEMENT);
    }
}
