package br.com.regua.integration.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import br.com.regua.agreement.AgreementService;
import br.com.regua.agreement.DisputeService;
import br.com.regua.agreement.OfferService;
import br.com.regua.cases.CaseEvents;
import br.com.regua.monitoring.GaugeRefresher;
import br.com.regua.payment.NewPayment;
import br.com.regua.payment.PaymentMethod;
import br.com.regua.payment.PaymentService;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.security.Role;
import br.com.regua.support.PrometheusText;
import br.com.regua.support.Receivables;
import br.com.regua.support.ReguaSpringTests;

/**
 * Debts walk the real schedule to the collection agency stage, and two agencies — real HTTP servers
 * in this JVM that keep their placements — hear from the worker, driven by hand on the simulation
 * clock. Each debt (R$ 1.500,00 owed by a consumer: the policy splits such debts between alfa and
 * beta) is due Tuesday 17 March 2026 and registered Wednesday 22 April (day 36); the agency stage
 * comes on day 60. Run on H2 ({@link AgencyTests}) and on PostgreSQL ({@link AgencyPostgresIntegrationTests}),
 * where two workers racing meet its row locks.
 */
abstract class AgencyScenarios extends ReguaSpringTests {

    // one pair of agencies for the JVM, shared by the H2 and PostgreSQL runs
    static final FakeAgency AGENCIES = new FakeAgency();
    static final String TOKEN = "agency-test-token";

    @DynamicPropertySource
    static void theAgencies(DynamicPropertyRegistry r) {
        r.add("regua.agencies.alfa.url", () -> AGENCIES.url("alfa"));
        r.add("regua.agencies.alfa.token", () -> TOKEN);
        r.add("regua.agencies.beta.url", () -> AGENCIES.url("beta"));
        r.add("regua.agencies.beta.token", () -> TOKEN);
        r.add("regua.agency-worker.poll", () -> "false");
    }

    @AfterAll
    static void forget() {
        AGENCIES.reset();
    }

    @Autowired
    ReceivableService receivables;
    @Autowired
    PaymentService payments;
    @Autowired
    DisputeService disputes;
    @Autowired
    AgreementService agreements;
    @Autowired
    OfferService offers;
    @Autowired
    AgencyWorker worker;
    @Autowired
    CaseEvents events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GaugeRefresher gauges;

    @BeforeEach
    void agenciesThatKnowNothing() {
        AGENCIES.reset();
        // each test reads only its own placements and payments (the report adds up the tables)
        jdbc.sql("delete from agency_placement").update();
        jdbc.sql("update payment set agency = null, agency_commission = null, agency_commission_rate = null").update();
    }

    // ---- fixtures

    /** Registers the debt on day 36 and walks it through the collection agency stage (day 60). */
    private ProcessInstance atTheAgencyStage(String id) {
        setClock("2026-04-22T10:00:00-03:00");
        receivables.register(Receivables.owing(id, "1500.00", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 17)));
        ProcessInstance pi = caseOf(id);
        long receivable = receivables.get(id).id();
        walkUntil(pi.getId(), () -> events.forReceivable(receivable).stream()
                .anyMatch(e -> e.kind() == CaseEvents.Kind.STAGE && "COLLECTION_AGENCY".equals(e.stage())), "the agency stage", 40);
        return pi;
    }

    /** Placed by the worker: the agency the policy chose. */
    private String placed(String id) {
        atTheAgencyStage(id);
        assertThat(status(id)).isEqualTo("REQUESTED");
        worker.sendDue();
        assertThat(status(id)).isEqualTo("PLACED");
        return column(id, "agency");
    }

    private String status(String id) {
        return column(id, "status");
    }

    private String column(String id, String column) {
        List<String> values = jdbc.sql("select a." + column + " from agency_placement a join receivable r on r.id = a.receivable_id"
                + " where r.external_id = ?").param(id).query((rs, n) -> rs.getString(1)).list();
        assertThat(values).as("the placement of " + id + "; its timeline: " + timeline(id)).hasSize(1);
        return values.get(0);
    }

    private List<String> timeline(String id) {
        return events.forReceivable(receivables.get(id).id()).stream().map(e -> e.stage() + ": " + e.detail()).toList();
    }

    private ResponseEntity<JsonNode> payThroughHttp(String paymentId, String id, String amount, String agency) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = """
                {"externalId": "%s", "receivableExternalId": "%s", "amount": "%s", "method": "PIX", "paidAt": "%s"%s}"""
                .formatted(paymentId, id, amount, OffsetDateTime.now(clock), agency == null ? "" : ", \"agency\": \"" + agency + "\"");
        return as(Role.INTEGRATION).exchange("/api/payments", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private void dayOverdue(int day) {
        // 10:00 in São Paulo, {@code day} days after the due date of 17 March
        setClock(LocalDate.of(2026, 3, 17).plusDays(day) + "T10:00:00-03:00");
    }

    // ---- placement and recall

    @Test
    void aDebtAtTheAgencyStageIsPlacedWithWhatIsOwedTodayAndItsHistoryThenRecalledWhenPaid() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> endpoint = as(Role.ADMIN).exchange("/api/webhooks", HttpMethod.POST, new HttpEntity<>("""
                {"url": "http://127.0.0.1:9/agency-events", "events": ["agency.placed", "agency.recalled"]}""", headers), JsonNode.class);
        assertThat(endpoint.getStatusCode().value()).as(String.valueOf(endpoint.getBody())).isEqualTo(201);

        atTheAgencyStage("agency-walk");
        long receivable = receivables.get("agency-walk").id();
        // what the delivery worker does with the messages a provider took: the agency hears of those sent
        int sent = jdbc.sql("update contact set status = 'SENT', sent_at = created_at where receivable_id = ?").param(receivable).update();
        assertThat(sent).as("messages the schedule wrote by day 60").isPositive();

        // the step wrote the request; nothing reached an agency within the step
        assertThat(status("agency-walk")).isEqualTo("REQUESTED");
        assertThat(AGENCIES.received()).isEmpty();

        worker.sendDue();

        assertThat(status("agency-walk")).isEqualTo("PLACED");
        String agency = column("agency-walk", "agency");
        assertThat(agency).isIn("alfa", "beta");
        FakeAgency.Received placement = AGENCIES.received("POST").get(0);
        assertThat(placement.agency()).isEqualTo(agency);
        assertThat(placement.path()).isEqualTo("/placements");
        assertThat(placement.idempotencyKey()).isEqualTo("agency-walk");
        assertThat(placement.authorization()).isEqualTo("Bearer " + TOKEN);
        JsonNode body = placement.body();
        assertThat(body.at("/debtor/document").asText().replaceAll("\\D", "")).isEqualTo("52998224725");
        assertThat(body.at("/debtor/name").asText()).isEqualTo("Maria da Silva");
        assertThat(body.at("/creditor/name").asText()).isNotBlank();
        JsonNode debt = body.get("debt");
        assertThat(debt.get("dueDate").asText()).isEqualTo("2026-03-17");
        assertThat(debt.get("daysOverdue").asInt()).isGreaterThanOrEqualTo(60);
        BigDecimal principal = new BigDecimal(debt.get("principal").asText());
        BigDecimal fine = new BigDecimal(debt.get("fine").asText());
        BigDecimal interest = new BigDecimal(debt.get("interest").asText());
        assertThat(principal).isEqualByComparingTo("1500.00");
        assertThat(fine).as("the consumer's 2% late fee").isEqualByComparingTo("30.00");
        assertThat(interest).as("two months of interest, pro rata").isGreaterThan(new BigDecimal("25.00")).isLessThan(new BigDecimal("40.00"));
        assertThat(new BigDecimal(debt.get("total").asText())).isEqualByComparingTo(principal.add(fine).add(interest));
        assertThat(column("agency-walk", "total")).isEqualTo(debt.get("total").asText());
        JsonNode history = body.get("history");
        List<String> stages = new ArrayList<>();
        history.get("stagesReached").forEach(s -> stages.add(s.get("stage").asText()));
        assertThat(stages).contains("FORMAL_NOTICE", "COLLECTION_AGENCY");
        assertThat(history.get("messagesSent").asInt()).isEqualTo(sent);
        assertThat(history.get("messages")).hasSize(sent);
        assertThat(history.has("agreementsBroken")).isTrue();
        assertThat(history.has("promisesBroken")).isTrue();

        // paid the next morning by the debtor, not through the agency: the agency is told to stop
        clock.moveTo(clock.instant().plus(Duration.ofHours(20)));
        payments.register(new NewPayment("pay-agency-walk", "agency-walk", new BigDecimal("1700.00"), PaymentMethod.PIX,
                OffsetDateTime.now(clock)));
        assertThat(status("agency-walk")).isEqualTo("RECALL_REQUESTED");

        worker.sendDue();

        assertThat(status("agency-walk")).isEqualTo("RECALLED");
        FakeAgency.Received recall = AGENCIES.received("DELETE").get(0);
        assertThat(recall.agency()).isEqualTo(agency);
        assertThat(recall.path()).isEqualTo("/placements/" + column("agency-walk", "agency_ref"));
        assertThat(recall.query()).isEqualTo("reason=paid");
        assertThat(recall.idempotencyKey()).isEqualTo("agency-walk:recall");
        assertThat(timeline("agency-walk")).anyMatch(e -> e.startsWith("COLLECTION_AGENCY: placement with the collection agency " + agency))
                .anyMatch(e -> e.startsWith("COLLECTION_AGENCY: placed with the collection agency " + agency))
                .anyMatch(e -> e.startsWith("PAID: recalled from the collection agency " + agency + " (paid)"));
        assertThat(jdbc.sql("select event_type from webhook_event where receivable = ? and event_type like 'agency.%' order by id")
                .param("agency-walk").query(String.class).list())
                .as("what the backend hears, in order").containsExactly("agency.placed", "agency.recalled");
        jdbc.sql("delete from webhook_endpoint where id = ?").param(endpoint.getBody().get("id").asLong()).update();
    }

    @Test
    void anAgencyThatFailsOnceIsAskedAgainAfterTheBackoffWithTheSameIdempotencyKey() {
        atTheAgencyStage("agency-503");
        AGENCIES.answerNext(503);

        worker.sendDue();

        assertThat(status("agency-503")).isEqualTo("REQUESTED");
        assertThat(column("agency-503", "attempts")).isEqualTo("1");
        assertThat(column("agency-503", "last_error")).contains("503");
        assertThat(worker.sendDue().claimed()).as("not before the backoff has passed").isZero();

        clock.moveTo(clock.instant().plus(Duration.ofMinutes(2)));
        worker.sendDue();

        assertThat(status("agency-503")).isEqualTo("PLACED");
        assertThat(AGENCIES.received("POST")).extracting(FakeAgency.Received::idempotencyKey).containsExactly("agency-503", "agency-503");
    }

    @Test
    void aPlacementTheAgencyRefusesFailsForGoodAndIsNotTriedAgain() {
        atTheAgencyStage("agency-422");
        AGENCIES.answerNext(422);

        worker.sendDue();
        clock.moveTo(clock.instant().plus(Duration.ofHours(2)));
        worker.sendDue();

        assertThat(status("agency-422")).isEqualTo("FAILED");
        assertThat(column("agency-422", "last_error")).contains("422");
        assertThat(AGENCIES.received("POST")).hasSize(1);
        assertThat(timeline("agency-422")).anyMatch(e -> e.contains("refused the placement: the agency answered 422"));

        // what an operator sees: one placement waiting for a person
        gauges.countNow();
        ResponseEntity<String> scrape = as(Role.MONITORING).getForEntity("/actuator/prometheus", String.class);
        assertThat(PrometheusText.parse(scrape.getBody()).sum("regua_agency_placements",
                java.util.Map.of("agency", column("agency-422", "agency"), "status", "FAILED"))).isEqualTo(1.0);
    }

    @Test
    void aDisputedDebtIsRecalledFromTheAgency() {
        placed("agency-dispute");

        disputes.open("agency-dispute", "Já paguei por boleto em 10/03");
        assertThat(status("agency-dispute")).isEqualTo("RECALL_REQUESTED");
        worker.sendDue();

        assertThat(status("agency-dispute")).isEqualTo("RECALLED");
        assertThat(AGENCIES.received("DELETE")).singleElement().extracting(FakeAgency.Received::query).isEqualTo("reason=disputed");
    }

    @Test
    void aDebtSettledByAnAgreementIsRecalledFromTheAgency() {
        placed("agency-agreement");

        agreements.accept(offers.forReceivable("agency-agreement").offers().get(0).id());
        assertThat(status("agency-agreement")).isEqualTo("RECALL_REQUESTED");
        worker.sendDue();

        assertThat(status("agency-agreement")).isEqualTo("RECALLED");
        assertThat(AGENCIES.received("DELETE")).singleElement().extracting(FakeAgency.Received::query)
                .isEqualTo("reason=settled by agreement");
    }

    @Test
    void aDebtDisputedBeforeItsPlacementWasSentIsNeverSent() {
        atTheAgencyStage("agency-early-dispute");

        disputes.open("agency-early-dispute", "Não reconheço esta cobrança");
        worker.sendDue();

        assertThat(status("agency-early-dispute")).isEqualTo("RECALLED");
        assertThat(AGENCIES.received()).isEmpty();
        assertThat(timeline("agency-early-dispute")).anyMatch(e -> e.contains("not sent: disputed first"));
    }

    // ---- payments the agency collects

    @Test
    void aPaymentTheAgencyCollectedRecordsItsCommissionAtTheRateForTheDebtsAgeAndTheReportAddsThemUp() {
        String agency = placed("agency-commission");

        // just below, at and just above the edge of the first band (up to 90 days: 10%; 91 to 180: 15%)
        dayOverdue(89);
        ResponseEntity<JsonNode> at89 = payThroughHttp("agency-pay-89", "agency-commission", "100.00", agency);
        dayOverdue(90);
        ResponseEntity<JsonNode> at90 = payThroughHttp("agency-pay-90", "agency-commission", "100.00", agency);
        dayOverdue(91);
        ResponseEntity<JsonNode> at91 = payThroughHttp("agency-pay-91", "agency-commission", "100.00", agency);

        assertThat(at89.getStatusCode().value()).as(String.valueOf(at89.getBody())).isEqualTo(201);
        assertThat(at89.getBody().at("/payment/agency").asText()).isEqualTo(agency);
        assertThat(new BigDecimal(at89.getBody().at("/payment/agencyCommission").asText())).isEqualByComparingTo("10.00");
        assertThat(new BigDecimal(at90.getBody().at("/payment/agencyCommission").asText())).isEqualByComparingTo("10.00");
        assertThat(new BigDecimal(at91.getBody().at("/payment/agencyCommission").asText())).isEqualByComparingTo("15.00");
        assertThat(jdbc.sql("select agency_commission from payment where external_id = ?").param("agency-pay-91")
                .query(BigDecimal.class).single()).isEqualByComparingTo("15.00");

        // the agency collects the rest: the debt is paid through it, and there is nothing to recall
        ResponseEntity<JsonNode> rest = payThroughHttp("agency-pay-rest", "agency-commission", "1500.00", agency);
        assertThat(rest.getBody().at("/receivableStatus").asText()).isEqualTo("PAID");
        assertThat(new BigDecimal(rest.getBody().at("/payment/agencyCommission").asText())).isEqualByComparingTo("225.00");
        assertThat(status("agency-commission")).isEqualTo("PAID");
        worker.sendDue();
        assertThat(AGENCIES.received("DELETE")).isEmpty();

        ResponseEntity<JsonNode> report = as(Role.CREDIT_MANAGER).getForEntity("/api/reports/recovery?from=2026-06-01&to=2026-06-30",
                JsonNode.class);
        assertThat(report.getStatusCode().value()).as(String.valueOf(report.getBody())).isEqualTo(200);
        JsonNode line = report.getBody().get("agencies").get(0);
        assertThat(report.getBody().get("agencies")).hasSize(1);
        assertThat(line.get("agency").asText()).isEqualTo(agency);
        assertThat(line.get("count").asInt()).isEqualTo(4);
        assertThat(new BigDecimal(line.get("recovered").asText())).isEqualByComparingTo("1800.00");
        assertThat(new BigDecimal(line.get("commission").asText())).isEqualByComparingTo("260.00");

        HttpHeaders csv = new HttpHeaders();
        csv.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        ResponseEntity<String> asCsv = as(Role.CREDIT_MANAGER).exchange("/api/reports/recovery?from=2026-06-01&to=2026-06-30",
                HttpMethod.GET, new HttpEntity<>(csv), String.class);
        assertThat(asCsv.getBody()).contains("2026-06-01,2026-06-30,agency," + agency + ",recovered,4,1800.00,")
                .contains("2026-06-01,2026-06-30,agency," + agency + ",commission,4,260.00,");
    }

    @Test
    void aPaymentNamingAnUnknownAgencyOrOneTheDebtIsNotPlacedWithIsRefusedNamingTheFieldAndRecordsNothing() {
        String agency = placed("agency-wrong");
        String other = agency.equals("alfa") ? "beta" : "alfa";

        ResponseEntity<JsonNode> unknown = payThroughHttp("agency-wrong-1", "agency-wrong", "100.00", "gamma");
        ResponseEntity<JsonNode> notPlaced = payThroughHttp("agency-wrong-2", "agency-wrong", "100.00", other);

        for (ResponseEntity<JsonNode> refused : List.of(unknown, notPlaced)) {
            assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(400);
            assertThat(refused.getBody().get("field").asText()).isEqualTo("agency");
        }
        assertThat(unknown.getBody().toString()).contains("no collection agency is configured with this name");
        assertThat(notPlaced.getBody().toString()).contains("not placed with the collection agency " + other);
        assertThat(jdbc.sql("select count(*) from payment p join receivable r on r.id = p.receivable_id where r.external_id = ?")
                .param("agency-wrong").query(Long.class).single()).isZero();
    }

    // ---- two nodes

    @Test
    void twoWorkersRacingPlaceEachDebtOnce() throws Exception {
        List<String> ids = List.of("agency-race-1", "agency-race-2", "agency-race-3");
        for (String id : ids) {
            atTheAgencyStage(id);
        }
        AGENCIES.delayEveryAnswer(Duration.ofMillis(200));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<AgencyWorker.Round> round = () -> {
                start.await();
                return worker.sendDue();
            };
            List<Future<AgencyWorker.Round>> rounds = new ArrayList<>(List.of(pool.submit(round), pool.submit(round)));
            start.countDown();
            int placed = 0;
            for (Future<AgencyWorker.Round> f : rounds) {
                placed += f.get(60, TimeUnit.SECONDS).placed();
            }
            assertThat(placed).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }

        assertThat(AGENCIES.received("POST")).extracting(FakeAgency.Received::idempotencyKey).containsExactlyInAnyOrderElementsOf(ids);
        for (String id : ids) {
            assertThat(status(id)).isEqualTo("PLACED");
        }
    }
}
