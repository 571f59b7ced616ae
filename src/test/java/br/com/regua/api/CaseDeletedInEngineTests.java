package br.com.regua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import br.com.regua.support.ReguaSpringTests;
import br.com.regua.security.Role;
import br.com.regua.support.TestUsers;

/**
 * A case deleted in the process engine, as an administrator does it in Cockpit or over
 * {@code /engine-rest}, never leaves its receivable open: it is cancelled and its timeline says by
 * whom and why. A case Régua ends itself is not marked so. Registered Monday 2 March 2026, due
 * Monday 16 March.
 */
class CaseDeletedInEngineTests extends ReguaSpringTests {

    /** an administrator: these tests are about what the server accepts, not about roles */
    TestRestTemplate http;

    @BeforeEach
    void signInAsAdministrator() {
        http = as(Role.ADMIN);
    }
    @Autowired
    IdentityService identity;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void monday() {
        setClock("2026-03-02T10:00:00-03:00");
    }

    ResponseEntity<JsonNode> post(String path, String content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(content, headers), JsonNode.class);
    }

    /** Registers the receivable over HTTP; returns its case id. */
    String register(String externalId) {
        ResponseEntity<JsonNode> created = post("/api/receivables", ReceivableApiTests.body(externalId));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().at("/nextStep/stage").asText()).isEqualTo("PRE_DUE_REMINDER");
        return created.getBody().get("caseId").asText();
    }

    JsonNode receivable(String externalId) {
        return http.getForObject("/api/receivables/" + externalId, JsonNode.class);
    }

    /** A path of {@code /engine-rest} on this test's engine (the server's default engine is at {@code /engine-rest/...}). */
    String engineRest(String path) {
        return "/engine-rest/engine/" + engine.getName() + path;
    }

    static List<JsonNode> entries(JsonNode receivable, String type) {
        List<JsonNode> found = new ArrayList<>();
        receivable.get("timeline").forEach(e -> {
            if (type.equals(e.get("type").asText())) {
                found.add(e);
            }
        });
        return found;
    }

    String endState(String caseId) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult().getState();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?skipCustomListeners=true"})
    void aCaseDeletedOverTheRestApiCancelsItsReceivable(String query) {
        String id = "del-rest" + (query.isEmpty() ? "" : "-skip");
        String caseId = register(id);

        ResponseEntity<Void> deleted = http.exchange(engineRest("/process-instance/" + caseId + query), HttpMethod.DELETE, null,
                Void.class);

        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(caseOf(id)).isNull();
        JsonNode r = receivable(id);
        assertThat(r.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(r.has("nextStep")).as("no next step: %s", r).isFalse();
        List<JsonNode> deletions = entries(r, "DELETED_IN_ENGINE");
        assertThat(deletions).hasSize(1);
        JsonNode deletion = deletions.get(0);
        assertThat(deletion.get("stage").asText()).isEqualTo("REGISTERED");
        // the REST API runs as the signed-in administrator, and its DELETE takes no reason
        assertThat(deletion.get("by").asText()).isEqualTo(TestUsers.user(Role.ADMIN));
        assertThat(deletion.has("reason")).isFalse();
        assertThat(deletion.get("detail").asText()).contains("deleted in the engine by " + TestUsers.user(Role.ADMIN));
    }

    @Test
    void theReasonGivenToABatchDeletionOverTheRestApiIsOnTheTimeline() {
        String caseId = register("del-batch");

        ResponseEntity<JsonNode> batch = post(engineRest("/process-instance/delete"), """
                {"processInstanceIds": ["%s"], "deleteReason": "registered twice by the school", "skipCustomListeners": true}"""
                .formatted(caseId));
        assertThat(batch.getStatusCode()).isEqualTo(HttpStatus.OK);
        runBatch(batch.getBody().get("id").asText());

        assertThat(caseOf("del-batch")).isNull();
        JsonNode r = receivable("del-batch");
        assertThat(r.get("status").asText()).isEqualTo("CANCELLED");
        JsonNode deletion = entries(r, "DELETED_IN_ENGINE").get(0);
        assertThat(deletion.get("reason").asText()).isEqualTo("registered twice by the school");
        // a batch's jobs run later, as no one: the engine
        assertThat(deletion.get("by").asText()).isEqualTo("engine");
    }

    @Test
    void theEngineUserWhoDeletedTheCaseAndTheirReasonAreOnTheTimeline() {
        String caseId = register("del-user");

        // Camunda checks its authorizations: an administrator of Régua may delete
        identity.setAuthentication("ana.admin", List.of(Role.ADMIN.group()));
        try {
            // as Cockpit does it for a logged-in user; the plain Java API call marks it internally terminated
            runtime.deleteProcessInstance(caseId, "debt forgiven by the school", true);
        } finally {
            identity.clearAuthentication();
        }

        assertThat(endState(caseId)).isEqualTo(HistoricProcessInstance.STATE_INTERNALLY_TERMINATED);
        JsonNode r = receivable("del-user");
        assertThat(r.get("status").asText()).isEqualTo("CANCELLED");
        JsonNode deletion = entries(r, "DELETED_IN_ENGINE").get(0);
        assertThat(deletion.get("by").asText()).isEqualTo("ana.admin");
        assertThat(deletion.get("reason").asText()).isEqualTo("debt forgiven by the school");
        assertThat(deletion.get("detail").asText()).contains("by ana.admin");
    }

    @Test
    void aDeletionRolledBackLeavesTheReceivableAndItsCaseAsTheyWere() {
        String caseId = register("del-rollback");

        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            runtime.deleteProcessInstance(caseId, "changed my mind");
            tx.setRollbackOnly();
        });

        assertThat(caseOf("del-rollback")).isNotNull();
        JsonNode r = receivable("del-rollback");
        assertThat(r.get("status").asText()).isEqualTo("OPEN");
        assertThat(r.at("/nextStep/stage").asText()).isEqualTo("PRE_DUE_REMINDER");
        assertThat(entries(r, "DELETED_IN_ENGINE")).isEmpty();
    }

    @Test
    void aCasePaidInFullEndsInItsBpmnAndIsNotMarkedCancelled() {
        String caseId = register("del-paid");

        ResponseEntity<JsonNode> paid = post("/api/payments", """
                {"externalId": "del-paid-pix", "receivableExternalId": "del-paid", "amount": "1500.00", "method": "PIX",
                 "paidAt": "2026-03-02T09:30:00-03:00"}""");

        assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(caseOf("del-paid")).isNull();
        assertThat(endState(caseId)).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        JsonNode r = receivable("del-paid");
        assertThat(r.get("status").asText()).isEqualTo("PAID");
        assertThat(entries(r, "DELETED_IN_ENGINE")).isEmpty();
    }

    @Test
    void aDisputeUpheldEndsTheCaseInItsBpmnAndIsNotMarkedDeleted() {
        String caseId = register("del-upheld");
        String disputeId = post("/api/receivables/del-upheld/disputes", "{\"reason\": \"Já paguei no caixa\"}").getBody()
                .get("id").asText();

        ResponseEntity<JsonNode> upheld = post("/api/disputes/" + disputeId + "/resolution", "{\"outcome\": \"UPHELD\"}");

        assertThat(upheld.getStatusCode()).isEqualTo(HttpStatus.OK);
        runContinuation(caseId);

        assertThat(caseOf("del-upheld")).isNull();
        assertThat(endState(caseId)).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        JsonNode r = receivable("del-upheld");
        assertThat(r.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(entries(r, "DELETED_IN_ENGINE")).isEmpty();
    }

    @Test
    void anAdministratorMovingTheCaseToAnotherStepIsNotADeletion() {
        String caseId = register("del-moved");

        runtime.createProcessInstanceModification(caseId)
                .cancelAllForActivity("Timer_UntilPreDueReminder")
                .startBeforeActivity("Timer_UntilDueDayNotice")
                .execute(true, true);

        assertThat(caseOf("del-moved")).isNotNull();
        JsonNode r = receivable("del-moved");
        assertThat(r.get("status").asText()).isEqualTo("OPEN");
        assertThat(entries(r, "DELETED_IN_ENGINE")).isEmpty();
    }

    @Test
    void anAgreementDeletedInTheEngineIsCancelledWithItsReceivableWhoseCaseEnds() {
        String caseId = register("del-agreement");
        setClock("2026-04-25T10:00:00-03:00");
        JsonNode offers = http.getForObject("/api/receivables/del-agreement/offers", JsonNode.class);
        String agreementId = post("/api/agreements", "{\"offerId\": \"" + AgreementApiTests.plan(offers, 3).get("id").asText() + "\"}")
                .getBody().get("id").asText();
        String agreementCase = runtime.createProcessInstanceQuery().processInstanceBusinessKey(agreementId).singleResult().getId();
        assertThat(receivable("del-agreement").get("status").asText()).isEqualTo("IN_AGREEMENT");

        http.delete(engineRest("/process-instance/" + agreementCase + "?skipCustomListeners=true"));

        assertThat(http.getForObject("/api/agreements/" + agreementId, JsonNode.class).get("status").asText()).isEqualTo("CANCELLED");
        JsonNode r = receivable("del-agreement");
        assertThat(r.get("status").asText()).isEqualTo("CANCELLED");
        List<JsonNode> deletions = entries(r, "DELETED_IN_ENGINE");
        assertThat(deletions).hasSize(1);
        assertThat(deletions.get(0).get("detail").asText()).contains("agreement " + agreementId);
        // the collection case waited for the agreement's outcome: it ends with it
        assertThat(caseOf("del-agreement")).isNull();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseId).count()).isZero();
        ResponseEntity<JsonNode> installment = post("/api/payments", """
                {"externalId": "del-agreement-p1", "agreementId": "%s", "installment": 1, "amount": "500.00", "method": "PIX",
                 "paidAt": "2026-04-25T09:00:00-03:00"}""".formatted(agreementId));
        assertThat(installment.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }
}
