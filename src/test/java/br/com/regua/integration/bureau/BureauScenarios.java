package br.com.regua.integration.bureau;

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

import br.com.regua.agreement.DisputeService;
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
 * Debts walk the real schedule to the credit bureau report stage, and a bureau — a real HTTP server
 * in this JVM that keeps its listings — hears from the worker, driven by hand on the simulation
 * clock. Each debt is due Tuesday 17 March 2026 and registered Wednesday 22 April (day 36), so the
 * formal notice and the bureau's prior notice go out on registration and the report comes ten days
 * later. Run on H2 ({@link BureauTests}) and on PostgreSQL ({@link BureauPostgresIntegrationTests}),
 * where two workers racing meet its row locks.
 */
abstract class BureauScenarios extends ReguaSpringTests {

    // one bureau for the JVM, shared by the H2 and PostgreSQL runs
    static final FakeBureau BUREAU = new FakeBureau();
    static final String TOKEN = "bureau-test-token";

    @DynamicPropertySource
    static void theBureau(DynamicPropertyRegistry r) {
        r.add("regua.bureau.url", BUREAU::url);
        r.add("regua.bureau.token", () -> TOKEN);
        r.add("regua.bureau.poll", () -> "false");
    }

    @AfterAll
    static void forget() {
        BUREAU.reset();
    }

    @Autowired
    ReceivableService receivables;
    @Autowired
    PaymentService payments;
    @Autowired
    DisputeService disputes;
    @Autowired
    BureauWorker worker;
    @Autowired
    CaseEvents events;
    @Autowired
    GaugeRefresher gauges;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void aBureauThatKnowsNothing() {
        BUREAU.reset();
        // each test reads only its own listings (the report adds up the table)
        jdbc.sql("delete from bureau_listing").update();
    }

    // ---- fixtures

    /** Registers the debt on day 36 and walks it until the prior notice has gone out. */
    private ProcessInstance afterThePriorNotice(String id) {
        setClock("2026-04-22T10:00:00-03:00");
        receivables.register(Receivables.owing(id, "1500.00", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 17)));
        ProcessInstance pi = caseOf(id);
        walkUntilPassed(pi.getId(), "Task_SendBureauPriorNotice", 20);
        return pi;
    }

    /** The provider sent the prior notice and reports it delivered, now. */
    private void priorNoticeDelivered(String id) {
        long receivable = receivables.get(id).id();
        List<Long> notices = jdbc.sql("select id from contact where receivable_id = ? and stage = 'BUREAU_PRIOR_NOTICE' order by id")
                .param(receivable).query(Long.class).list();
        assertThat(notices).as("the prior notice's messages").isNotEmpty();
        // what the delivery worker does with a message a provider took
        jdbc.sql("update contact set status = 'SENT', sent_at = ? where id = ?").params(OffsetDateTime.now(clock), notices.get(0)).update();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> report = as(Role.INTEGRATION).exchange("/api/contacts/" + notices.get(0) + "/status", HttpMethod.POST,
                new HttpEntity<>("{\"status\": \"DELIVERED\"}", headers), String.class);
        assertThat(report.getStatusCode().value()).as(report.getBody()).isEqualTo(200);
    }

    /** A debt whose prior notice was delivered on registration, walked until the report stage was carried out. */
    private ProcessInstance atTheReportStage(String id) {
        ProcessInstance pi = afterThePriorNotice(id);
        priorNoticeDelivered(id);
        walkUntilPassed(pi.getId(), "Task_ReportToBureau", 20);
        return pi;
    }

    /** Pays off the debt: the principal with its late charges (some R$ 50 by now), and a little over. */
    private void pay(String id) {
        payments.register(new NewPayment("pay-" + id, id, new BigDecimal("1600.00"), PaymentMethod.PIX, OffsetDateTime.now(clock),
                null, null));
    }

    private String status(String id) {
        return jdbc.sql("select b.status from bureau_listing b join receivable r on r.id = b.receivable_id where r.external_id = ?")
                .param(id).query(String.class).single();
    }

    private String column(String id, String column) {
        return jdbc.sql("select b." + column + " from bureau_listing b join receivable r on r.id = b.receivable_id where r.external_id = ?")
                .param(id).query((rs, n) -> rs.getString(1)).single();
    }

    /** The case's timeline from the prior notice on, each entry as "stage: detail". */
    private List<String> timeline(String id) {
        return events.forReceivable(receivables.get(id).id()).stream()
                .map(e -> e.stage() + ": " + e.detail()).toList();
    }

    /** Each entry is found in the timeline after the one before it. */
    private static void inOrder(List<String> timeline, String... starts) {
        int from = 0;
        for (String start : starts) {
            int found = -1;
            for (int i = from; i < timeline.size(); i++) {
                if (timeline.get(i).startsWith(start)) {
                    found = i;
                    break;
                }
            }
            assertThat(found).as("\"" + start + "\" after entry " + from + " of " + timeline).isGreaterThanOrEqualTo(0);
            from = found + 1;
        }
    }

    private JsonNode report(String from, String to) {
        ResponseEntity<JsonNode> answer = as(Role.CREDIT_MANAGER).getForEntity("/api/reports/bureau?from=" + from + "&to=" + to,
                JsonNode.class);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        return answer.getBody();
    }

    /** A backend's endpoint for the bureau's events (never called: the test reads the outbox). */
    private long backendHearsTheBureau() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> created = as(Role.ADMIN).exchange("/api/webhooks", HttpMethod.POST, new HttpEntity<>("""
                {"url": "http://127.0.0.1:9/bureau-events", "events": ["bureau.listing.requested", "bureau.listing.refused",
                 "bureau.listing.confirmed", "bureau.removal.requested", "bureau.listing.removed"]}""", headers), JsonNode.class);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        return created.getBody().get("id").asLong();
    }

    /** The incident gauge as Prometheus scrapes it. */
    private double overdueRemovalsGauge() {
        gauges.countNow();
        ResponseEntity<String> scrape = as(Role.MONITORING).getForEntity("/actuator/prometheus", String.class);
        assertThat(scrape.getStatusCode().value()).isEqualTo(200);
        return PrometheusText.parse(scrape.getBody()).sum("regua_bureau_removals_overdue");
    }

    // ---- the walk

    @Autowired
    br.com.regua.contact.DeliveryWorker letters;

    @Test
    void aPriorNoticeByLetterWhoseReturnReceiptCameBackAllowsTheListingTheWaitingPeriodAfterTheReceipt() {
        // Wed 22 Apr (day 36): a debtor with neither e-mail nor phone gets the prior notice by letter, into the day's batch
        setClock("2026-04-22T10:00:00-03:00");
        br.com.regua.receivable.PostalAddress address = new br.com.regua.receivable.PostalAddress("Rua das Flores", "123", null,
                "Jardim Paulista", "São Paulo", "SP", "01310-100");
        receivables.register(new br.com.regua.receivable.NewReceivable("bureau-letter",
                new br.com.regua.receivable.NewCustomer("cust-bureau-letter", "Maria da Silva", "529.982.247-25",
                        br.com.regua.policy.CustomerType.CONSUMER, null, null, "SP", null, null, address),
                new BigDecimal("1500.00"), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 17), "Mensalidade de março"));
        ProcessInstance pi = caseOf("bureau-letter");
        walkUntilPassed(pi.getId(), "Task_SendBureauPriorNotice", 20);
        letters.deliverDue();
        long letter = jdbc.sql("""
                select c.id from contact c join receivable r on r.id = c.receivable_id
                where r.external_id = 'bureau-letter' and c.stage = 'BUREAU_PRIOR_NOTICE' and c.channel = 'LETTER'
                  and c.status = 'SENT'""").query(Long.class).single();

        // Mon 27 Apr: the post brings back the AR the debtor signed on Friday afternoon
        setClock("2026-04-27T10:00:00-03:00");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> ar = as(Role.INTEGRATION).exchange("/api/contacts/" + letter + "/status", HttpMethod.POST,
                new HttpEntity<>("{\"status\": \"DELIVERED\", \"trackingCode\": \"BR123456789BR\", "
                        + "\"receivedAt\": \"2026-04-24T15:00:00-03:00\"}", headers), String.class);
        assertThat(ar.getStatusCode().value()).as(ar.getBody()).isEqualTo(200);
        walkUntilPassed(pi.getId(), "Task_ReportToBureau", 20);
        // Tue 5 May: ten days after the receipt have passed
        if (clock.instant().isBefore(OffsetDateTime.parse("2026-05-05T10:00:00-03:00").toInstant())) {
            setClock("2026-05-05T10:00:00-03:00");
        }

        worker.sendDue();

        assertThat(status("bureau-letter")).isEqualTo("LISTED");
        assertThat(BUREAU.received("POST").get(0).body().get("noticeDeliveredAt").asText()).startsWith("2026-04-24");
    }

    @Test
    void aDeliveredNoticeItsPeriodTheListingThenPaymentAndTheRemovalThatSameDayInThisOrder() {
        long endpoint = backendHearsTheBureau();
        ProcessInstance pi = afterThePriorNotice("bureau-walk");
        priorNoticeDelivered("bureau-walk");
        walkUntilPassed(pi.getId(), "Task_ReportToBureau", 20);

        // the step wrote the request; nothing reached the bureau within the step
        assertThat(status("bureau-walk")).isEqualTo("REQUESTED");
        assertThat(BUREAU.received()).isEmpty();
        LocalDate reportDay = OffsetDateTime.now(clock).atZoneSameInstant(clock.getZone()).toLocalDate();
        assertThat(reportDay).as("ten days after the notice was delivered, at the earliest").isAfterOrEqualTo(LocalDate.of(2026, 5, 2));

        worker.sendDue();

        assertThat(status("bureau-walk")).isEqualTo("LISTED");
        FakeBureau.Received include = BUREAU.received("POST").get(0);
        assertThat(include.path()).isEqualTo("/listings");
        assertThat(include.idempotencyKey()).isEqualTo("bureau-walk");
        assertThat(include.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(include.body().get("document").asText().replaceAll("\\D", "")).isEqualTo("52998224725");
        assertThat(include.body().get("name").asText()).isEqualTo("Maria da Silva");
        assertThat(include.body().get("amount").asText()).isEqualTo("1500.00");
        assertThat(include.body().get("dueDate").asText()).isEqualTo("2026-03-17");
        assertThat(include.body().get("noticeDeliveredAt").asText()).startsWith("2026-04-22");

        // paid the next morning: the removal is asked for that same day, due five business days later
        clock.moveTo(clock.instant().plus(Duration.ofHours(20)));
        LocalDate paidOn = OffsetDateTime.now(clock).atZoneSameInstant(clock.getZone()).toLocalDate();
        pay("bureau-walk");
        assertThat(status("bureau-walk")).isEqualTo("REMOVAL_REQUESTED");
        assertThat(column("bureau-walk", "removal_requested_at")).contains(paidOn.toString());
        assertThat(LocalDate.parse(column("bureau-walk", "removal_due_by"))).isEqualTo(RemovalDeadline.after(paidOn));

        worker.sendDue();

        assertThat(status("bureau-walk")).isEqualTo("REMOVED");
        FakeBureau.Received removal = BUREAU.received("DELETE").get(0);
        assertThat(removal.path()).isEqualTo("/listings/" + column("bureau-walk", "bureau_ref"));
        assertThat(removal.idempotencyKey()).isEqualTo("bureau-walk:removal");
        inOrder(timeline("bureau-walk"),
                "BUREAU_PRIOR_NOTICE: day ",
                "BUREAU_REPORT: day ",
                "BUREAU_REPORT: credit bureau listing requested",
                "BUREAU_REPORT: listed at the credit bureau (R$ 1500.00)",
                "BUREAU_REPORT: credit bureau removal requested (paid); due by " + RemovalDeadline.after(paidOn),
                "PAID: removed from the credit bureau, within the deadline of " + RemovalDeadline.after(paidOn));

        assertThat(jdbc.sql("select event_type from webhook_event where receivable = ? and event_type like 'bureau.%' order by id")
                .param("bureau-walk").query(String.class).list())
                .as("what the backend hears, in order")
                .containsExactly("bureau.listing.requested", "bureau.listing.confirmed", "bureau.removal.requested", "bureau.listing.removed");
        jdbc.sql("delete from webhook_endpoint where id = ?").param(endpoint).update();

        JsonNode totals = report("2026-04-01", "2026-05-31").get("totals");
        assertThat(totals.get("requested").asInt()).isEqualTo(1);
        assertThat(totals.get("listed").asInt()).isEqualTo(1);
        assertThat(totals.get("removalsRequested").asInt()).isEqualTo(1);
        assertThat(totals.get("removedInTime").asInt()).isEqualTo(1);
        assertThat(totals.get("overdue").asInt()).isZero();
        assertThat(new BigDecimal(totals.get("listedAmount").asText())).isEqualByComparingTo("1500.00");
    }

    @Test
    void aNoticeDeliveredLateDelaysTheListingUntilItsPeriodHasPassedSinceTheDelivery() {
        ProcessInstance pi = afterThePriorNotice("bureau-slow-notice");
        // the provider reports the delivery four days after the notice went out: Sunday 26 April
        setClock("2026-04-26T12:00:00-03:00");
        priorNoticeDelivered("bureau-slow-notice");
        walkUntilPassed(pi.getId(), "Task_ReportToBureau", 20);

        worker.sendDue();

        // the stage came ten days after the notice went out, not after it arrived: the listing waits
        assertThat(status("bureau-slow-notice")).isEqualTo("REQUESTED");
        assertThat(BUREAU.received()).isEmpty();
        assertThat(column("bureau-slow-notice", "last_error")).contains("its 10 days pass on 2026-05-06");

        setClock("2026-05-05T23:00:00-03:00");
        worker.sendDue();
        assertThat(BUREAU.received()).as("not a day early").isEmpty();

        setClock("2026-05-06T00:30:00-03:00");
        worker.sendDue();
        assertThat(status("bureau-slow-notice")).isEqualTo("LISTED");
    }

    @Test
    void aNoticeNeverReportedDeliveredIsNoGroundForAListing() {
        ProcessInstance pi = afterThePriorNotice("bureau-undelivered");
        walkUntilPassed(pi.getId(), "Task_ReportToBureau", 20);

        worker.sendDue();

        assertThat(status("bureau-undelivered")).isEqualTo("REFUSED");
        assertThat(column("bureau-undelivered", "refused_reason")).contains("no proof of delivery");
        assertThat(BUREAU.received()).isEmpty();
    }

    @Test
    void aDebtDisputedAfterTheStageIsNeverListedAndTheTimelineSaysWhy() {
        atTheReportStage("bureau-disputed");
        disputes.open("bureau-disputed", "Não reconheço esta cobrança");

        worker.sendDue();

        assertThat(status("bureau-disputed")).isEqualTo("REFUSED");
        assertThat(BUREAU.received()).isEmpty();
        assertThat(timeline("bureau-disputed")).anyMatch(line -> line.contains(
                "credit bureau listing refused: the debtor disputes the debt: no listing while a dispute is open"));
        JsonNode report = report("2026-04-01", "2026-05-31");
        assertThat(report.get("totals").get("refused").asInt()).isEqualTo(1);
        assertThat(report.get("totals").get("listed").asInt()).isZero();
        assertThat(report.get("lines").get(0).get("refusedReason").asText()).contains("disputes");
    }

    @Test
    void aBureauThatFailsOnceIsAskedAgainAfterTheBackoffWithTheSameIdempotencyKey() {
        atTheReportStage("bureau-503");
        BUREAU.answerNext(503);

        worker.sendDue();
        assertThat(status("bureau-503")).isEqualTo("REQUESTED");
        assertThat(column("bureau-503", "last_error")).contains("503");

        worker.sendDue();
        assertThat(BUREAU.received("POST")).as("not before its backoff").hasSize(1);

        clock.moveTo(clock.instant().plus(Duration.ofMinutes(1)));
        worker.sendDue();

        assertThat(status("bureau-503")).isEqualTo("LISTED");
        assertThat(BUREAU.received("POST")).extracting(FakeBureau.Received::idempotencyKey).containsExactly("bureau-503", "bureau-503");
    }

    @Test
    void aListingTheBureauRefusesFailsForGoodAndIsNotTriedAgain() {
        atTheReportStage("bureau-422");
        BUREAU.answerNext(422);

        worker.sendDue();
        clock.moveTo(clock.instant().plus(Duration.ofHours(2)));
        worker.sendDue();

        assertThat(status("bureau-422")).isEqualTo("FAILED");
        assertThat(column("bureau-422", "refused_reason")).contains("422");
        assertThat(BUREAU.received("POST")).hasSize(1);
    }

    @Test
    void aReferenceTheBureauListedBeforeIsTakenAsListedUnderTheBureausId() {
        atTheReportStage("bureau-dup");
        String known = BUREAU.alreadyListed("bureau-dup");

        worker.sendDue();

        assertThat(status("bureau-dup")).isEqualTo("LISTED");
        assertThat(column("bureau-dup", "bureau_ref")).isEqualTo(known);
        assertThat(timeline("bureau-dup")).anyMatch(line -> line.contains("as it already was under this reference"));
    }

    @Test
    void aRemovalTheBureauHasNotConfirmedOnItsLastDayIsAnIncidentThenAndOverdueOnceTheDeadlinePasses() {
        atTheReportStage("bureau-late");
        worker.sendDue();
        BUREAU.confirmRemovalsLater();
        pay("bureau-late");
        LocalDate dueBy = LocalDate.parse(column("bureau-late", "removal_due_by"));

        worker.sendDue();
        assertThat(status("bureau-late")).as("accepted, not confirmed").isEqualTo("REMOVAL_REQUESTED");
        assertThat(overdueRemovalsGauge()).isZero();
        String incident = "INCIDENT: the credit bureau removal is still not confirmed on " + dueBy;
        assertThat(timeline("bureau-late")).noneMatch(line -> line.contains(incident));

        // the morning of the last day: an incident while there is still time to chase the bureau, not yet overdue
        setClock(dueBy + "T09:00:00-03:00");
        worker.sendDue();
        assertThat(timeline("bureau-late")).anyMatch(line -> line.contains(incident));
        assertThat(overdueRemovalsGauge()).isZero();

        setClock(dueBy.plusDays(1) + "T09:00:00-03:00");
        worker.sendDue();

        assertThat(overdueRemovalsGauge()).isEqualTo(1.0);
        assertThat(BUREAU.received("GET")).as("the bureau was asked again whether it removed it").isNotEmpty();
        assertThat(timeline("bureau-late").stream().filter(line -> line.contains(incident))).as("raised once").hasSize(1);
        JsonNode report = report("2026-04-01", dueBy.plusDays(1).toString());
        assertThat(report.get("totals").get("overdue").asInt()).isEqualTo(1);
        assertThat(report.get("lines").get(0).get("deadlineMet").asBoolean()).isFalse();
    }

    @Test
    void theReportAsCsvHasOneRowPerListingAndBadDatesAreRefusedNamingTheField() {
        atTheReportStage("bureau-csv");
        worker.sendDue();

        HttpHeaders csv = new HttpHeaders();
        csv.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        ResponseEntity<String> answer = as(Role.ANALYST).exchange("/api/reports/bureau?from=2026-04-01&to=2026-05-31", HttpMethod.GET,
                new HttpEntity<>(csv), String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody().split("\r\n")).hasSize(2);
        assertThat(answer.getBody()).startsWith("receivable,status,amount,requested_at,listed_at,")
                .contains("bureau-csv,LISTED,1500.00,");

        ResponseEntity<JsonNode> noFrom = as(Role.CREDIT_MANAGER).getForEntity("/api/reports/bureau?to=2026-05-31", JsonNode.class);
        assertThat(noFrom.getStatusCode().value()).isEqualTo(400);
        assertThat(noFrom.getBody().get("field").asText()).isEqualTo("from");
        ResponseEntity<JsonNode> backwards = as(Role.CREDIT_MANAGER).getForEntity("/api/reports/bureau?from=2026-05-31&to=2026-05-01",
                JsonNode.class);
        assertThat(backwards.getStatusCode().value()).isEqualTo(400);
        assertThat(backwards.getBody().get("field").asText()).isEqualTo("to");
    }

    @Test
    void twoWorkersRacingSendEachListingOnce() throws Exception {
        List<String> ids = List.of("bureau-race-1", "bureau-race-2", "bureau-race-3");
        for (String id : ids) {
            atTheReportStage(id);
        }
        // every case waits its turn at the same moment: the last one's
        BUREAU.delayEveryAnswer(Duration.ofMillis(200));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<BureauWorker.Round> round = () -> {
                start.await();
                return worker.sendDue();
            };
            List<Future<BureauWorker.Round>> rounds = new ArrayList<>(List.of(pool.submit(round), pool.submit(round)));
            start.countDown();
            int listed = 0;
            for (Future<BureauWorker.Round> f : rounds) {
                listed += f.get(60, TimeUnit.SECONDS).listed();
            }
            assertThat(listed).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }

        assertThat(BUREAU.received("POST")).extracting(FakeBureau.Received::idempotencyKey).containsExactlyInAnyOrderElementsOf(ids);
        for (String id : ids) {
            assertThat(status(id)).isEqualTo("LISTED");
        }
    }
}
