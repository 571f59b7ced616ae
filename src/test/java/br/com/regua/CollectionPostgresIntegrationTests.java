package br.com.regua;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.receivable.NewReceivable;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.schedule.SimulationClock;
import br.com.regua.security.Role;
import br.com.regua.support.PostgresDatabase;
import br.com.regua.support.TestUsers;

/**
 * End to end on PostgreSQL with the server's own postgres profile: receivables registered over
 * HTTP walk the schedule as the simulation clock moves. CI sets REGUA_TEST_POSTGRES=true and the
 * database URL; there the test must run, and .ci/run fails if it was skipped.
 */
@EnabledIfEnvironmentVariable(named = "REGUA_TEST_POSTGRES", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "REGUA_DB_URL=${REGUA_TEST_DB_URL}",
        "REGUA_DB_USER=${REGUA_TEST_DB_USER:postgres}",
        "REGUA_DB_PASSWORD=${REGUA_TEST_DB_PASSWORD:}",
        "REGUA_ADMIN_USER=admin",
        "REGUA_ADMIN_PASSWORD=" + PostgresDatabase.ADMIN_PASSWORD,
        "REGUA_OFFER_SECRET=integration-test-offer-secret",
        "regua.creditor.name=Escola Aurora Ltda", "regua.creditor.document=11.222.333/0001-81",
        "regua.creditor.address=Rua das Flores, 100, Campinas - SP",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.generate-unique-process-application-name=true",
        "regua.rules-dir=src/test/resources/test-rules"})
@ActiveProfiles({"postgres", "simulation"})
class CollectionPostgresIntegrationTests {

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    IdentityService identity;
    /** an integration client, made as an admin makes one: no demo accounts on PostgreSQL */
    TestRestTemplate http;
    @Autowired
    SimulationClock clock;
    @Autowired
    HistoryService history;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ReceivableService receivables;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    ResponseEntity<JsonNode> post(String path, String content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(content, headers), JsonNode.class);
    }

    String receivable(String externalId, String amount) {
        return """
                {"externalId": "%s",
                 "customer": {"externalId": "cust-%s", "name": "Ana Souza", "document": "123.456.789-09",
                              "type": "CONSUMER", "email": "ana@example.com", "phone": "+55 21 99876-5432", "state": "SP"},
                 "amount": "%s", "issueDate": "2026-03-01", "dueDate": "2026-03-16", "description": "Fatura de internet de março"}
                """.formatted(externalId, externalId, amount);
    }

    JsonNode advanceTo(String to) {
        // moving the simulation clock is an administrator's act: here the one the settings made
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> response = anonymous.withBasicAuth("admin", PostgresDatabase.ADMIN_PASSWORD)
                .postForEntity("/api/simulation/advance", new HttpEntity<>("{\"to\": \"" + to + "\"}", headers), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    List<String> passedActivities(String caseId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(caseId).finished().list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }

    @BeforeEach
    void signInAsIntegrationClient() {
        http = TestUsers.as(Role.INTEGRATION, identity, anonymous);
    }

    @Test
    void theProfileHasTheDriverSendABatchOfInsertsAsOneMultiRowInsert() {
        // a rewritten batch answers "no count" for each of its rows (the driver groups rows by powers of two: four go as
        // one insert); a batch sent row by row answers 1 for each
        int[] counts = new TransactionTemplate(transactions).execute(status -> {
            jdbc.execute("create temporary table batch_probe (n int) on commit drop");
            int[] answered = jdbc.batchUpdate("insert into batch_probe (n) values (?)",
                    List.of(new Object[] {1}, new Object[] {2}, new Object[] {3}, new Object[] {4}));
            assertThat(jdbc.queryForObject("select count(*) from batch_probe", Integer.class)).isEqualTo(4);
            return answered;
        });
        assertThat(counts).containsOnly(java.sql.Statement.SUCCESS_NO_INFO).hasSize(4);
    }

    @Test
    void theAuditLogCannotBeEditedNotEvenByRegua() {
        // a change through the API leaves a line
        http.postForEntity("/api/receivables/audit-probe/disputes", java.util.Map.of("reason", "x"), String.class);
        Integer lines = jdbc.queryForObject("select count(*) from audit_event", Integer.class);
        assertThat(lines).isPositive();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'someone else'"))
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("delete from audit_event"))
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Integer.class)).isEqualTo(lines);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = 'someone else'", Integer.class)).isZero();
    }

    @Test
    void onPostgresThereAreNoDemoAccountsAndOnlyTheConfiguredAdministratorIsMade() {
        for (String demo : new String[] {"demo", "manager", "collector", "analyst", "backend"}) {
            assertThat(anonymous.withBasicAuth(demo, demo).getForEntity("/api/session", String.class).getStatusCode())
                    .as(demo).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(identity.createUserQuery().userId(demo).count()).as(demo).isZero();
        }
        ResponseEntity<JsonNode> admin = anonymous.withBasicAuth("admin", PostgresDatabase.ADMIN_PASSWORD)
                .getForEntity("/api/session", JsonNode.class);
        assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(admin.getBody().get("roles")).extracting(JsonNode::asText).contains("admins");
    }

    @Test
    void aReceivableWalksTheWholeScheduleToTheLegalTeamAndAnotherIsPaidAfterTheFormalNotice() {
        clock.moveTo(OffsetDateTime.parse("2026-03-02T10:00:00-03:00").toInstant());
        String unpaid = "pg-unpaid-" + run;
        String paid = "pg-paid-" + run;

        // Monday 2 March: both registered, classified and waiting for their pre-due reminder
        ResponseEntity<JsonNode> created = post("/api/receivables", receivable(unpaid, "1500.00"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String unpaidCase = created.getBody().get("caseId").asText();
        String paidCase = post("/api/receivables", receivable(paid, "1500.00")).getBody().get("caseId").asText();

        // Friday 17 April: past the formal notice (day 30), before the bureau notice (day 35); the second debtor pays in full by PIX
        JsonNode advanced = advanceTo("2026-04-17T10:00:00-03:00");
        assertThat(advanced.get("jobsRun").asInt()).isGreaterThan(10);
        assertThat(advanced.get("jobsFailed").asInt()).isZero();
        JsonNode beforePaying = http.getForObject("/api/receivables/" + paid, JsonNode.class);
        assertThat(beforePaying.get("stage").asText()).isEqualTo("FORMAL_NOTICE");
        String total = beforePaying.at("/charges/total").asText();
        ResponseEntity<JsonNode> payment = post("/api/payments", """
                {"externalId": "pix-%s", "receivableExternalId": "%s", "amount": "%s", "method": "PIX",
                 "paidAt": "2026-04-17T10:00:00-03:00"}""".formatted(run, paid, total));
        assertThat(payment.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(payment.getBody().get("receivableStatus").asText()).isEqualTo("PAID");

        // 30 July: the unpaid one has reached the legal team; the paid one stopped at the formal notice
        advanceTo("2026-07-30T10:00:00-03:00");
        JsonNode unpaidView = http.getForObject("/api/receivables/" + unpaid, JsonNode.class);
        assertThat(unpaidView.get("stage").asText()).isEqualTo("LEGAL_REFERRAL");
        assertThat(passedActivities(unpaidCase)).contains("Task_ClassifyDebtor", "Task_SendPreDueReminder", "Task_SendDueDayNotice",
                "Task_EndGracePeriod", "Task_SendFriendlyReminder", "Task_SendRenegotiationOffer", "Task_QueueCollectorCall",
                "Task_SendFormalNotice", "Task_SendBureauPriorNotice", "Task_ReportToBureau", "Task_SendSuspensionNotice",
                "Task_ReferToAgency", "Task_ReferToLegal");
        assertThat(tasks.createTaskQuery().processInstanceId(unpaidCase).taskDefinitionKey("UserTask_ReviewLegalReferral").count())
                .isEqualTo(1);
        List<String> contactStages = unpaidView.get("timeline").findParents("channel").stream()
                .map(c -> c.get("stage").asText()).distinct().toList();
        assertThat(contactStages).contains("PRE_DUE_REMINDER", "DUE_DAY_NOTICE", "FRIENDLY_REMINDER", "RENEGOTIATION_OFFER",
                "FORMAL_NOTICE", "BUREAU_PRIOR_NOTICE", "SERVICE_SUSPENSION_NOTICE", "COLLECTION_AGENCY", "LEGAL_REFERRAL");

        JsonNode paidView = http.getForObject("/api/receivables/" + paid, JsonNode.class);
        assertThat(paidView.get("status").asText()).isEqualTo("PAID");
        assertThat(paidView.get("stage").asText()).isEqualTo("PAID");
        assertThat(passedActivities(paidCase)).contains("Task_SendFormalNotice", "Task_ThankCustomer", "EndEvent_Paid")
                .doesNotContain("Task_SendBureauPriorNotice");
    }

    JsonNode plan(JsonNode offers, int installments) {
        for (JsonNode o : offers.get("offers")) {
            if (o.get("installmentCount").asInt() == installments) {
                return o;
            }
        }
        throw new AssertionError("no plan of " + installments + " installments in " + offers);
    }

    ResponseEntity<JsonNode> payInstallment(String agreementId, int installment, String amount, String paidAt) {
        return post("/api/payments", """
                {"externalId": "pix-%s-%d", "agreementId": "%s", "installment": %d, "amount": "%s", "method": "PIX",
                 "paidAt": "%s"}""".formatted(agreementId, installment, agreementId, installment, amount, paidAt));
    }

    @Test
    void renegotiatedDebtsOneAgreementKeptInstallmentByInstallmentAndOneBrokenThatGoesBackToCollection() {
        clock.moveTo(OffsetDateTime.parse("2026-03-02T10:00:00-03:00").toInstant());
        String kept = "pg-kept-" + run;
        String broken = "pg-broken-" + run;
        String keptCase = post("/api/receivables", receivable(kept, "1500.00")).getBody().get("caseId").asText();
        String brokenCase = post("/api/receivables", receivable(broken, "1500.00")).getBody().get("caseId").asText();

        // Saturday 25 April, 40 days overdue: offers from the rules, and each debtor accepts three installments of R$ 500,00
        advanceTo("2026-04-25T10:00:00-03:00");
        JsonNode keptOffer = plan(http.getForObject("/api/receivables/" + kept + "/offers", JsonNode.class), 3);
        JsonNode brokenOffer = plan(http.getForObject("/api/receivables/" + broken + "/offers", JsonNode.class), 3);
        assertThat(keptOffer.get("installments").findValuesAsText("amount")).containsExactly("500.00", "500.00", "500.00");
        ResponseEntity<JsonNode> keptAgreement = post("/api/agreements", "{\"offerId\": \"" + keptOffer.get("id").asText() + "\"}");
        assertThat(keptAgreement.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String keptId = keptAgreement.getBody().get("id").asText();
        String brokenId = post("/api/agreements", "{\"offerId\": \"" + brokenOffer.get("id").asText() + "\"}").getBody()
                .get("id").asText();
        assertThat(post("/api/agreements", "{\"offerId\": \"" + keptOffer.get("id").asText() + "\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.getForObject("/api/receivables/" + kept, JsonNode.class).get("status").asText()).isEqualTo("IN_AGREEMENT");

        // each installment paid over HTTP a day before it falls due; the other debtor pays only the first
        advanceTo("2026-05-04T10:00:00-03:00");
        assertThat(payInstallment(keptId, 1, "500.00", "2026-05-04T10:00:00-03:00").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(payInstallment(brokenId, 1, "500.00", "2026-05-04T10:00:00-03:00").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        advanceTo("2026-06-04T10:00:00-03:00");
        payInstallment(keptId, 2, "500.00", "2026-06-04T10:00:00-03:00");
        advanceTo("2026-07-04T10:00:00-03:00");
        ResponseEntity<JsonNode> last = payInstallment(keptId, 3, "500.00", "2026-07-04T10:00:00-03:00");
        assertThat(last.getBody().get("agreementStatus").asText()).isEqualTo("KEPT");

        JsonNode keptView = http.getForObject("/api/receivables/" + kept, JsonNode.class);
        assertThat(keptView.get("status").asText()).isEqualTo("PAID");
        assertThat(passedActivities(keptCase)).contains("ReceiveTask_AwaitAgreementOutcome", "Task_ThankCustomer", "EndEvent_Paid");

        // the second agreement broke when the grace of its second installment ended (11 June); collection resumed
        JsonNode brokenAgreement = http.getForObject("/api/agreements/" + brokenId, JsonNode.class);
        assertThat(brokenAgreement.get("status").asText()).isEqualTo("BROKEN");
        assertThat(brokenAgreement.get("installments").findValuesAsText("late")).containsExactly("false", "true", "false"); // the third is not due yet
        JsonNode brokenView = http.getForObject("/api/receivables/" + broken, JsonNode.class);
        assertThat(brokenView.get("status").asText()).isEqualTo("OPEN");
        assertThat(passedActivities(brokenCase)).contains("ReceiveTask_AwaitAgreementOutcome", "Task_SendFormalNotice");
        assertThat(brokenView.get("timeline").findValuesAsText("subject"))
                .anySatisfy(subject -> assertThat(subject).contains("parcela 2 de 3"));
    }
    @Test
    void aBatchChunkThatRacesAnotherRequestIsRegisteredAgainItemByItem() throws Exception {
        clock.moveTo(OffsetDateTime.parse("2026-03-02T10:00:00-03:00").toInstant());
        String raced = "pg-raced-" + run;
        CountDownLatch registeredByTheOther = new CountDownLatch(1);
        CountDownLatch commitTheOther = new CountDownLatch(1);
        // another request registers the same receivable and holds its transaction open
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            try {
                receivables.register(json.readValue(receivable(raced, "700.00"), NewReceivable.class));
                registeredByTheOther.countDown();
                commitTheOther.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(registeredByTheOther.await(30, TimeUnit.SECONDS)).isTrue();

        // the batch's chunk inserts the same external id and waits on the other's row; the other commits
        CompletableFuture<ResponseEntity<JsonNode>> batch = CompletableFuture.supplyAsync(() -> post("/api/receivables/batch",
                "{\"items\": [" + receivable("pg-before-" + run, "100.00") + "," + receivable(raced, "700.00") + ","
                        + receivable("pg-after-" + run, "300.00") + "]}"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock'", Integer.class) == 0) {
            assertThat(System.nanoTime()).as("the batch waits on the other's row").isLessThan(deadline);
            Thread.sleep(20);
        }
        commitTheOther.countDown();
        other.get(30, TimeUnit.SECONDS);
        ResponseEntity<JsonNode> response = batch.get(60, TimeUnit.SECONDS);

        // the chunk was rolled back and registered item by item: nothing lost, nothing twice
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("results").findValuesAsText("status")).containsExactly("201", "200", "201");
        for (String externalId : List.of("pg-before-" + run, raced, "pg-after-" + run)) {
            assertThat(jdbc.queryForObject("select count(*) from receivable where external_id = ? and case_id is not null",
                    Integer.class, externalId)).as(externalId).isOne();
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(externalId).count()).as(externalId).isOne();
        }
    }
}
