package br.com.regua.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import br.com.regua.cases.CollectionProcess;
import br.com.regua.payment.NewPayment;
import br.com.regua.payment.PaymentMethod;
import br.com.regua.payment.PaymentService;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.receivable.ReceivableStatus;
import br.com.regua.schedule.CaseSnapshots;
import br.com.regua.security.Role;
import br.com.regua.support.Receivables;
import br.com.regua.support.ReguaSpringTests;
import br.com.regua.support.TestUsers;

/**
 * The collector desk over real HTTP. A consumer owes R$ 1.500,00 due Monday 16 March 2026; the tests'
 * policy has a collector call on day 20, a Sunday, so the call task opens on Monday 6 April at 08:00,
 * 21 days late, and the formal notice is next, on day 30 (Wednesday 15 April).
 */
class DeskApiTests extends ReguaSpringTests {

    @Autowired
    ReceivableService receivables;
    @Autowired
    PaymentService payments;
    @Autowired
    CaseSnapshots snapshots;

    TestRestTemplate collector;

    @BeforeEach
    void signIn() {
        collector = as(Role.COLLECTOR);
    }

    /** The case of {@code id} waiting at its collector call; a payment of R$ 100,00 made on the due day. */
    private Task callTaskOf(String id) {
        setClock("2026-03-02T10:00:00-03:00");
        receivables.register(Receivables.owing(id, "1500.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 16)));
        ProcessInstance pi = caseOf(id);
        walkUntilPassed(pi.getId(), "Task_SendDueDayNotice", 10);
        payments.register(new NewPayment(id + "-part", id, new BigDecimal("100.00"), PaymentMethod.PIX, OffsetDateTime.now(clock)));
        walkUntilPassed(pi.getId(), "Task_QueueCollectorCall", 10);
        assertThat(pi).isWaitingAt(CollectionProcess.USER_TASK_CALL);
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(CollectionProcess.USER_TASK_CALL).singleResult();
    }

    private ResponseEntity<JsonNode> outcome(TestRestTemplate http, String taskId, String json) {
        return PromiseApiTests.post(http, "/api/desk/tasks/" + taskId + "/outcome", json);
    }

    private JsonNode timeline(String id) {
        return as(Role.ANALYST).getForEntity("/api/receivables/" + id, JsonNode.class).getBody().get("timeline");
    }

    private static void refused(ResponseEntity<JsonNode> response, HttpStatus status, String field) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("field").asText()).isEqualTo(field);
    }

    @Test
    void theCallTaskShowsTheDebtBrokenDownItsHistoryAndAScriptForItsStageAndSegment() {
        Task task = callTaskOf("desk-view");

        ResponseEntity<JsonNode> view = collector.getForEntity("/api/desk/tasks/" + task.getId(), JsonNode.class);

        assertThat(view.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode v = view.getBody();
        assertThat(v.at("/debtor/name").asText()).isEqualTo("Maria da Silva");
        assertThat(v.at("/debtor/phone").asText()).isEqualTo("+55 11 98765-4321");
        assertThat(v.at("/debt/daysOverdue").asInt()).isEqualTo(21);
        assertThat(v.at("/debt/stage").asText()).isEqualTo("COLLECTOR_CALL");
        // as the receivable's own view breaks it down today
        JsonNode charges = as(Role.ANALYST).getForEntity("/api/receivables/desk-view", JsonNode.class).getBody().get("charges");
        assertThat(v.get("charges")).isEqualTo(charges);
        assertThat(new BigDecimal(v.at("/charges/principal").asText())).isEqualByComparingTo("1400.00");
        assertThat(new BigDecimal(v.at("/charges/fine").asText())).isPositive();
        assertThat(new BigDecimal(v.at("/charges/interest").asText())).isPositive();
        assertThat(v.get("payments")).singleElement().satisfies(p -> assertThat(new BigDecimal(p.get("amount").asText())).isEqualByComparingTo("100.00"));
        assertThat(v.get("lastMessages")).isNotEmpty().allSatisfy(m -> assertThat(m.get("subject").asText()).isNotBlank());
        assertThat(v.get("promises")).isEmpty();
        assertThat(v.get("calls")).isEmpty();
        assertThat(v.at("/task/candidateGroups").toString()).contains("collectors");
        assertThat(v.get("outcomes")).hasSize(9);
        String script = v.get("script").asText();
        assertThat(script).contains("Maria da Silva", "Régua Demonstração Ltda.", "desk-view", TestUsers.user(Role.COLLECTOR),
                br.com.regua.contact.MessageValues.brl(new BigDecimal(v.at("/charges/total").asText())))
                .doesNotContain("{{").containsIgnoringCase("nunca ameace");
    }

    @Test
    void theCallFormPageShowsTheBreakdownAndTheScriptInPortuguese() {
        Task task = callTaskOf("desk-page");

        // Tasklist opens the form key with ?taskId=: the client follows on to the task's page
        ResponseEntity<String> fromTasklist = collector.getForEntity("/desk/tasks?taskId=" + task.getId(), String.class);
        assertThat(fromTasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(fromTasklist.getBody()).contains("Roteiro da ligação", "Maria da Silva");
        ResponseEntity<String> page = collector.getForEntity("/desk/tasks/" + task.getId(), String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("lang=\"pt-BR\"", "Maria da Silva", "Roteiro da ligação", "Valor principal", "Multa",
                "Juros de mora", "R$ 1.400,00", "R$ 100,00", "Prometeu pagar", "Contesta a dívida", "Pediu para ligar depois");
    }

    @Test
    void aPromiseToPayOnTheCallIsMadeAsThePromisesApiMakesItAndTheCallEnds() {
        Task task = callTaskOf("desk-promise");

        ResponseEntity<JsonNode> recorded = outcome(collector, task.getId(), """
                {"outcome": "PROMISE_TO_PAY", "amount": "500.00", "date": "2026-04-09", "note": "recebe o salário na quinta"}""");

        assertThat(recorded.getStatusCode()).as(String.valueOf(recorded.getBody())).isEqualTo(HttpStatus.OK);
        String promiseId = recorded.getBody().get("promiseId").asText();
        JsonNode promises = collector.getForEntity("/api/receivables/desk-promise/promises", JsonNode.class).getBody();
        assertThat(promises).singleElement().satisfies(p -> {
            assertThat(p.get("id").asText()).isEqualTo(promiseId);
            assertThat(new BigDecimal(p.get("amount").asText())).isEqualByComparingTo("500.00");
            assertThat(p.get("madeBy").asText()).isEqualTo(TestUsers.user(Role.COLLECTOR));
        });
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
        assertThat(caseOf("desk-promise")).hasPassed(CollectionProcess.GATEWAY_CALL_OUTCOME).isWaitingAt("Timer_UntilFormalNotice");
        // the promise holds the schedule: the formal notice waits past the promised date and its tolerance
        Job notice = management.createJobQuery().processInstanceId(caseOf("desk-promise").getId()).timers().singleResult();
        assertThat(notice.getDuedate().toInstant()).isAfter(OffsetDateTime.parse("2026-04-10T00:00:00-03:00").toInstant());
        assertThat(timeline("desk-promise")).anySatisfy(e -> {
            assertThat(e.get("type").asText()).isEqualTo("CALL");
            assertThat(e.get("detail").asText()).contains("Prometeu pagar", "R$ 500,00", "09/04/2026", "recebe o salário na quinta");
            assertThat(e.get("by").asText()).isEqualTo(TestUsers.user(Role.COLLECTOR));
        });
    }

    @Test
    void aDebtorWhoDisputesTheDebtOnTheCallHasADisputeOpened() {
        Task task = callTaskOf("desk-dispute");

        ResponseEntity<JsonNode> recorded = outcome(collector, task.getId(), """
                {"outcome": "DISPUTES_DEBT", "note": "diz que pagou em dinheiro na secretaria"}""");

        assertThat(recorded.getStatusCode()).as(String.valueOf(recorded.getBody())).isEqualTo(HttpStatus.OK);
        String disputeId = recorded.getBody().get("disputeId").asText();
        JsonNode dispute = collector.getForEntity("/api/disputes/" + disputeId, JsonNode.class).getBody();
        assertThat(dispute.get("reason").asText()).isEqualTo("diz que pagou em dinheiro na secretaria");
        assertThat(receivables.get("desk-dispute").status()).isEqualTo(ReceivableStatus.DISPUTED);
        assertThat(caseOf("desk-dispute")).isWaitingAt(CollectionProcess.USER_TASK_REVIEW_DISPUTE);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
    }

    @Test
    void aCallBackBringsTheCallBackAtTheTimeTheDebtorAskedFor() {
        Task task = callTaskOf("desk-callback");
        String processId = task.getProcessInstanceId();

        ResponseEntity<JsonNode> recorded = outcome(collector, task.getId(), """
                {"outcome": "CALL_BACK", "callBackAt": "2026-04-07T14:30:00-03:00", "note": "pediu para ligar depois do almoço"}""");

        assertThat(recorded.getStatusCode()).as(String.valueOf(recorded.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(caseOf("desk-callback")).isWaitingAt(CollectionProcess.TIMER_CALL_BACK);
        assertThat(tasks.createTaskQuery().processInstanceId(processId).count()).isZero();
        Job callBack = management.createJobQuery().processInstanceId(processId).activityId(CollectionProcess.TIMER_CALL_BACK).singleResult();
        assertThat(callBack.getDuedate().toInstant()).isEqualTo(OffsetDateTime.parse("2026-04-07T14:30:00-03:00").toInstant());

        fireNextTimer(processId); // Tuesday 7 April, 14:30

        Task again = tasks.createTaskQuery().processInstanceId(processId).taskDefinitionKey(CollectionProcess.USER_TASK_CALL).singleResult();
        assertThat(again).isNotNull();
        assertThat(again.getId()).isNotEqualTo(task.getId());
        assertThat(again.getAssignee()).isNull();
        assertThat(collector.getForEntity("/api/desk/tasks/" + again.getId(), JsonNode.class).getBody().get("calls"))
                .singleElement().satisfies(c -> assertThat(c.get("outcome").asText()).isEqualTo("CALL_BACK"));
    }

    @Test
    void aCallBackAfterTheScheduleNextStepIsRefusedAndChangesNothing() {
        Task task = callTaskOf("desk-callback-late");

        // the formal notice is on Wednesday 15 April
        refused(outcome(collector, task.getId(), """
                {"outcome": "CALL_BACK", "callBackAt": "2026-04-20T10:00:00-03:00"}"""), HttpStatus.UNPROCESSABLE_ENTITY, "callBackAt");
        refused(outcome(collector, task.getId(), """
                {"outcome": "CALL_BACK", "callBackAt": "2026-04-01T10:00:00-03:00"}"""), HttpStatus.UNPROCESSABLE_ENTITY, "callBackAt");

        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RIGHT_PARTY_CONTACT", "NO_ANSWER", "WRONG_NUMBER", "THIRD_PARTY", "REFUSED", "ASKED_FOR_AGREEMENT"})
    void eachOutcomeIsRecordedInTheTimelineAndAsAFactAndTheCaseGoesOnWithItsSchedule(String outcome) {
        String id = "desk-" + outcome.toLowerCase();
        Task task = callTaskOf(id);

        ResponseEntity<JsonNode> recorded = outcome(collector, task.getId(), "{\"outcome\": \"" + outcome + "\"}");

        assertThat(recorded.getStatusCode()).as(String.valueOf(recorded.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(recorded.getBody().get("collector").asText()).isEqualTo(TestUsers.user(Role.COLLECTOR));
        assertThat(caseOf(id)).isWaitingAt("Timer_UntilFormalNotice");
        // a task nobody took is taken by the collector who records it
        assertThat(history.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult().getAssignee())
                .isEqualTo(TestUsers.user(Role.COLLECTOR));
        assertThat(timeline(id)).anySatisfy(e -> assertThat(e.get("type").asText()).isEqualTo("CALL"));
        var r = receivables.get(id);
        assertThat(snapshots.of(r, receivables.customer(r.customerId())).getLastCallOutcome()).isEqualTo(outcome);
    }

    @Test
    void onlyTheCollectorWhoTookTheTaskRecordsItsOutcome() {
        Task task = callTaskOf("desk-taken");
        tasks.claim(task.getId(), "another-collector");

        ResponseEntity<JsonNode> refused = outcome(collector, task.getId(), "{\"outcome\": \"NO_ANSWER\"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("another-collector");
        assertThat(timeline("desk-taken")).noneSatisfy(e -> assertThat(e.get("type").asText()).isEqualTo("CALL"));
    }

    @Test
    void aCallOfferedToNoneOfTheCollectorsGroupsIsNotTheirs() {
        Task task = callTaskOf("desk-rj");
        // as a policy that gives this debtor's calls to the Rio team alone would offer it
        tasks.deleteCandidateGroup(task.getId(), "collectors");
        tasks.addCandidateGroup(task.getId(), "collectors-rj");

        assertThat(collector.getForEntity("/api/desk/tasks/" + task.getId(), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(outcome(collector, task.getId(), "{\"outcome\": \"NO_ANSWER\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
        // a member of the Rio team sees it
        TestRestTemplate rio = TestUsers.as("desk-rio-collector", Role.COLLECTOR, identity, anonymous());
        if (identity.createGroupQuery().groupId("collectors-rj").count() == 0) {
            identity.saveGroup(identity.newGroup("collectors-rj"));
        }
        if (identity.createUserQuery().memberOfGroup("collectors-rj").userId("desk-rio-collector").count() == 0) {
            identity.createMembership("desk-rio-collector", "collectors-rj");
        }
        assertThat(rio.getForEntity("/api/desk/tasks/" + task.getId(), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() {
        Task task = callTaskOf("desk-bad");

        refused(outcome(collector, task.getId(), "{}"), HttpStatus.BAD_REQUEST, "outcome");
        refused(outcome(collector, task.getId(), "{\"outcome\": \"HUNG_UP\"}"), HttpStatus.BAD_REQUEST, "outcome");
        refused(outcome(collector, task.getId(), "{\"outcome\": \"PROMISE_TO_PAY\", \"date\": \"2026-04-09\"}"), HttpStatus.BAD_REQUEST, "amount");
        refused(outcome(collector, task.getId(), "{\"outcome\": \"PROMISE_TO_PAY\", \"amount\": \"500.00\", \"date\": \"9 de abril\"}"),
                HttpStatus.BAD_REQUEST, "date");
        refused(outcome(collector, task.getId(), "{\"outcome\": \"CALL_BACK\"}"), HttpStatus.BAD_REQUEST, "callBackAt");
        refused(outcome(collector, task.getId(), "{\"outcome\": \"DISPUTES_DEBT\"}"), HttpStatus.BAD_REQUEST, "note");
        // the policy's limits: a promise too far ahead is refused as the promises API refuses it
        refused(outcome(collector, task.getId(), "{\"outcome\": \"PROMISE_TO_PAY\", \"amount\": \"500.00\", \"date\": \"2026-06-30\"}"),
                HttpStatus.UNPROCESSABLE_ENTITY, "date");

        Task still = tasks.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(still).isNotNull();
        assertThat(still.getAssignee()).isNull();
        assertThat(timeline("desk-bad")).noneSatisfy(e -> assertThat(e.get("type").asText()).isEqualTo("CALL"));
        assertThat(collector.getForEntity("/api/receivables/desk-bad/promises", JsonNode.class).getBody()).isEmpty();
    }

    @Test
    void aTaskThatIsNoCallIsNotFound() {
        assertThat(collector.getForEntity("/api/desk/tasks/no-such-task", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(outcome(collector, "no-such-task", "{\"outcome\": \"NO_ANSWER\"}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
