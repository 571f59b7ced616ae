package br.com.regua.integration.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import br.com.regua.agreement.DisputeService;
import br.com.regua.events.BusinessEvent;
import br.com.regua.events.EventType;
import br.com.regua.payment.NewPayment;
import br.com.regua.payment.PaymentMethod;
import br.com.regua.payment.PaymentService;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.security.Role;
import br.com.regua.support.Receivables;
import br.com.regua.support.ReguaSpringTests;
import br.com.regua.support.WebhookReceiver;

/**
 * A backend's receiver, a real HTTP server in this JVM that verifies each signature and drops
 * duplicates by id, hears what happens to receivables: exactly once each event, in order per
 * receivable, through failures, pauses and resends. The worker is driven by hand on the simulation
 * clock. Run on H2 ({@link WebhookTests}) and on PostgreSQL ({@link WebhookPostgresIntegrationTests}),
 * where two workers racing meet its row locks. Receivables are registered on Monday 2 March 2026,
 * due Monday 16 March.
 */
abstract class WebhookScenarios extends ReguaSpringTests {

    // one receiver for the JVM, shared by the H2 and PostgreSQL runs; it dies with the JVM
    static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @Autowired
    ReceivableService receivables;
    @Autowired
    PaymentService payments;
    @Autowired
    DisputeService disputes;
    @Autowired
    WebhookWorker worker;
    @Autowired
    EventOutbox outbox;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    TestRestTemplate admin;

    @BeforeEach
    void aReceiverAndNoOtherEndpoint() {
        admin = as(Role.ADMIN);
        // each test hears only its own endpoint
        jdbc.sql("delete from webhook_endpoint").update();
        RECEIVER.reset();
        setClock("2026-03-02T10:00:00-03:00");
    }

    @AfterEach
    void noEndpointLeftForOtherTests() {
        jdbc.sql("delete from webhook_endpoint").update();
    }

    // ---- fixtures

    /** Registers the receiver as an endpoint for {@code events} (none: all) and hands it the secret. */
    private long subscribe(String... events) {
        String body = events.length == 0 ? "{\"url\": \"%s\"}".formatted(RECEIVER.url())
                : "{\"url\": \"%s\", \"events\": [%s]}".formatted(RECEIVER.url(),
                String.join(", ", List.of(events).stream().map(e -> "\"" + e + "\"").toList()));
        ResponseEntity<JsonNode> created = post("/api/webhooks", body);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        RECEIVER.useSecret(created.getBody().get("secret").asText());
        return created.getBody().get("id").asLong();
    }

    private void register(String id) {
        receivables.register(Receivables.owing(id, "1500.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 16)));
    }

    private void pay(String id) {
        payments.register(new NewPayment("pay-" + id, id, new BigDecimal("1500.00"), PaymentMethod.PIX,
                OffsetDateTime.now(clock), null, null));
    }

    /** Runs the worker until a round claims nothing. */
    private int deliverAll() {
        int sent = 0;
        for (int round = 0; round < 100; round++) {
            WebhookWorker.Round r = worker.deliverDue();
            sent += r.sent();
            if (r.claimed() == 0) {
                return sent;
            }
        }
        throw new AssertionError("the worker never ran out of work");
    }

    private ResponseEntity<JsonNode> post(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return admin.postForEntity(path, new HttpEntity<>(json, headers), JsonNode.class);
    }

    private JsonNode deliveries(long endpoint) {
        ResponseEntity<JsonNode> answer = admin.getForEntity("/api/webhooks/" + endpoint + "/deliveries", JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private JsonNode endpoint(long id) {
        for (JsonNode e : admin.getForObject("/api/webhooks", JsonNode.class)) {
            if (e.get("id").asLong() == id) {
                return e;
            }
        }
        throw new AssertionError("no endpoint " + id);
    }

    private static List<String> types(List<WebhookReceiver.Event> events) {
        return events.stream().map(WebhookReceiver.Event::type).toList();
    }

    private void announce(String receivable, int n) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> publisher.publishEvent(
                BusinessEvent.of(EventType.STAGE_REACHED, receivable, OffsetDateTime.now(clock), "stage", "STEP_" + n, "day", n)));
    }

    // ---- the walk

    @Test
    void aReceiverHearsEachFactOfAReceivableExactlyOnceInOrderAndSigned() {
        subscribe();
        String id = "wh-walk";
        register(id);
        String caseId = caseOf(id).getId();
        // Wed 11 Mar: the pre-due reminder; Mon 16 Mar: the due-day notice
        fireNextTimer(caseId);
        fireNextTimer(caseId);
        pay(id);

        assertThat(deliverAll()).isEqualTo(4);

        List<WebhookReceiver.Event> heard = RECEIVER.takenFor(id);
        assertThat(types(heard)).containsExactly("receivable.registered", "stage.reached", "stage.reached", "receivable.paid");
        assertThat(heard.get(0).body().at("/data/amount").asText()).isEqualTo("1500.00");
        assertThat(heard.get(0).body().at("/data/dueDate").asText()).isEqualTo("2026-03-16");
        assertThat(heard.get(1).body().at("/data/stage").asText()).isEqualTo("PRE_DUE_REMINDER");
        assertThat(heard.get(2).body().at("/data/stage").asText()).isEqualTo("DUE_DAY_NOTICE");
        assertThat(heard.get(3).body().at("/data/payment").asText()).isEqualTo("pay-" + id);
        assertThat(heard).allSatisfy(e -> assertThat(e.id()).startsWith("evt_"));
        assertThat(RECEIVER.badSignatures()).isZero();
        assertThat(RECEIVER.duplicates()).isZero();

        // nothing is sent twice
        assertThat(deliverAll()).isZero();
        assertThat(RECEIVER.requests()).isEqualTo(4);
    }

    @Test
    void theBackendIsToldToSuspendTheServiceAtItsStageAndToRestoreItOnceTheDebtIsPaid() {
        subscribe("service.suspend", "service.restore", "receivable.paid");
        String id = "wh-suspend";
        register(id);
        String caseId = caseOf(id).getId();
        // a consumer's debt reaches the service suspension notice (day 50 in the tests' policy)
        walkUntilPassed(caseId, "Task_SendSuspensionNotice", 40);
        payments.register(new NewPayment("pay-" + id, id, new BigDecimal("3000.00"), PaymentMethod.PIX,
                OffsetDateTime.now(clock), null, null));

        deliverAll();

        List<WebhookReceiver.Event> heard = RECEIVER.takenFor(id);
        assertThat(types(heard)).containsExactly("service.suspend", "receivable.paid", "service.restore");
        assertThat(heard.get(0).body().at("/data/stage").asText()).isEqualTo("SERVICE_SUSPENSION_NOTICE");
        assertThat(heard.get(2).body().at("/data/suspendedAt").asText()).isEqualTo("SERVICE_SUSPENSION_NOTICE");
    }

    @Test
    void aSuspendedDebtCancelledByAnUpheldDisputeHasItsServiceRestoredAfterTheResolution() {
        subscribe("service.suspend", "service.restore", "dispute.resolved");
        String id = "wh-suspend-upheld";
        register(id);
        walkUntilPassed(caseOf(id).getId(), "Task_SendSuspensionNotice", 40);
        String dispute = disputes.open(id, "Não reconheço esta cobrança").id();
        disputes.resolve(dispute, br.com.regua.agreement.DisputeOutcome.UPHELD, null, "Cobrança indevida");

        deliverAll();

        List<WebhookReceiver.Event> heard = RECEIVER.takenFor(id);
        assertThat(types(heard)).containsExactly("service.suspend", "dispute.resolved", "service.restore");
        assertThat(heard.get(1).body().at("/data/receivableStatus").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void anEndpointHearsOnlyTheTypesItAskedFor() {
        subscribe("receivable.paid", "dispute.opened");
        register("wh-only-paid");
        register("wh-only-dispute");
        pay("wh-only-paid");
        disputes.open("wh-only-dispute", "Não reconheço esta cobrança");

        deliverAll();

        assertThat(types(RECEIVER.takenFor("wh-only-paid"))).containsExactly("receivable.paid");
        assertThat(types(RECEIVER.takenFor("wh-only-dispute"))).containsExactly("dispute.opened");
        assertThat(RECEIVER.takenFor("wh-only-dispute").get(0).body().at("/data/reason").asText())
                .isEqualTo("Não reconheço esta cobrança");
    }

    // ---- failures

    @Test
    void aFailedEventIsTriedAgainAfterABackoffAndTheReceivablesNextEventWaitsForIt() {
        long endpoint = subscribe();
        register("wh-retry");
        disputes.open("wh-retry", "Valor errado");
        RECEIVER.failNext(2);

        // 10:00: the registration fails; the dispute, later in the same receivable, is not sent before it
        WebhookWorker.Round first = worker.deliverDue();
        assertThat(first.claimed()).isEqualTo(1);
        assertThat(first.failed()).isEqualTo(1);
        assertThat(worker.deliverDue().claimed()).as("nothing is due before the backoff").isZero();

        JsonNode tried = deliveries(endpoint);
        JsonNode registration = tried.get(1);
        assertThat(registration.get("type").asText()).isEqualTo("receivable.registered");
        assertThat(registration.get("status").asText()).isEqualTo("PENDING");
        assertThat(registration.at("/tries/0/statusCode").asInt()).isEqualTo(500);
        assertThat(registration.at("/tries/0/error").asText()).contains("500");
        assertThat(OffsetDateTime.parse(registration.at("/tries/0/nextAttemptAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-03-02T10:00:10-03:00"));
        assertThat(tried.get(0).get("attempts").asInt()).as("the dispute waits").isZero();

        // 10:00:10: fails again, and waits twice as long; 10:00:30: taken, then the dispute
        setClock("2026-03-02T10:00:10-03:00");
        assertThat(worker.deliverDue().failed()).isEqualTo(1);
        assertThat(deliveries(endpoint).get(1).at("/tries/1/nextAttemptAt").asText())
                .satisfies(at -> assertThat(OffsetDateTime.parse(at)).isEqualTo(OffsetDateTime.parse("2026-03-02T10:00:30-03:00")));
        setClock("2026-03-02T10:00:30-03:00");
        assertThat(deliverAll()).isEqualTo(2);

        assertThat(types(RECEIVER.takenFor("wh-retry"))).containsExactly("receivable.registered", "dispute.opened");
        JsonNode done = deliveries(endpoint).get(1);
        assertThat(done.get("status").asText()).isEqualTo("SENT");
        assertThat(done.get("attempts").asInt()).isEqualTo(3);
        assertThat(done.get("tries")).hasSize(3);
        assertThat(done.at("/tries/2/statusCode").asInt()).isEqualTo(204);
        assertThat(done.at("/tries/2/nextAttemptAt").isNull()).isTrue();
    }

    @Test
    void anEndpointFailingTenTimesInARowIsPausedUntilAnAdminResumesIt() {
        long endpoint = subscribe();
        register("wh-pause");
        RECEIVER.down();

        for (int i = 0; i < 10; i++) {
            assertThat(worker.deliverDue().failed()).as("try " + (i + 1)).isEqualTo(1);
            JsonNode last = deliveries(endpoint).get(0).get("tries").get(i);
            if (!last.get("nextAttemptAt").isNull()) {
                clock.moveTo(OffsetDateTime.parse(last.get("nextAttemptAt").asText()).toInstant());
            }
        }
        JsonNode paused = endpoint(endpoint);
        assertThat(paused.get("status").asText()).isEqualTo("PAUSED");
        assertThat(paused.get("pausedReason").asText()).contains("10 failed tries in a row");

        // paused: nothing is tried, however long it waits, and what happens meanwhile waits too
        RECEIVER.up();
        setClock("2026-03-05T10:00:00-03:00");
        pay("wh-pause");
        assertThat(worker.deliverDue().claimed()).isZero();
        assertThat(RECEIVER.taken()).isEmpty();

        ResponseEntity<JsonNode> resumed = post("/api/webhooks/" + endpoint + "/resume", "");
        assertThat(resumed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(resumed.getBody().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(deliverAll()).isEqualTo(2);
        assertThat(types(RECEIVER.takenFor("wh-pause"))).containsExactly("receivable.registered", "receivable.paid");
        assertThat(endpoint(endpoint).get("consecutiveFailures").asInt()).isZero();
    }

    @Test
    void anEndpointFailingForADayIsPausedEvenWithFewTries() {
        long endpoint = subscribe();
        register("wh-day");
        RECEIVER.down();
        assertThat(worker.deliverDue().paused()).isZero();

        setClock("2026-03-03T10:00:01-03:00");
        WebhookWorker.Round dayLater = worker.deliverDue();
        assertThat(dayLater.failed()).isEqualTo(1);
        assertThat(dayLater.paused()).isEqualTo(1);
        assertThat(endpoint(endpoint).get("status").asText()).isEqualTo("PAUSED");
    }

    // ---- resend and duplicates

    @Test
    void aResentEventArrivesWithItsIdAndTheReceiverDropsTheCopy() {
        long endpoint = subscribe();
        register("wh-resend");
        deliverAll();
        String eventId = RECEIVER.takenFor("wh-resend").get(0).id();

        ResponseEntity<JsonNode> resent = post("/api/webhooks/events/" + eventId + "/resend", "");
        assertThat(resent.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(resent.getBody().get("deliveriesQueued").asInt()).isEqualTo(1);
        assertThat(deliverAll()).isEqualTo(1);

        assertThat(RECEIVER.requests()).isEqualTo(2);
        assertThat(RECEIVER.duplicates()).isEqualTo(1);
        assertThat(RECEIVER.takenFor("wh-resend")).hasSize(1);
        assertThat(deliveries(endpoint).get(0).get("tries")).hasSize(2);
        assertThat(post("/api/webhooks/events/evt_nosuchevent/resend", "").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    // ---- the transaction

    @Test
    void anEventOfARolledBackTransactionIsNeverSent() {
        subscribe();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            register("wh-rolled-back");
            s.setRollbackOnly();
        });
        register("wh-committed");

        deliverAll();

        assertThat(RECEIVER.takenFor("wh-rolled-back")).isEmpty();
        assertThat(jdbc.sql("select count(*) from webhook_event where receivable = 'wh-rolled-back'").query(Integer.class).single()).isZero();
        assertThat(types(RECEIVER.takenFor("wh-committed"))).containsExactly("receivable.registered");
    }

    @Test
    void aFactAnnouncedOutsideATransactionIsRefused() {
        subscribe();
        BusinessEvent loose = BusinessEvent.of(EventType.STAGE_REACHED, "wh-loose", OffsetDateTime.now(clock), "stage", "X");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> publisher.publishEvent(loose))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside the transaction");
    }

    // ---- two nodes

    @Test
    void aDeliveryClaimedByANodeThatDiedIsSentOnceItsLeaseEnds() {
        subscribe();
        register("wh-crash");
        // another node claims the delivery (a one-minute lease) and dies before sending it
        OffsetDateTime now = OffsetDateTime.now(clock);
        long delivery = outbox.dueIds(now, 10).get(0);
        assertThat(outbox.claim(delivery, now, now.plusMinutes(1))).isPresent();

        assertThat(worker.deliverDue().claimed()).as("held by the dead node's lease").isZero();
        setClock("2026-03-02T10:01:00-03:00");
        assertThat(deliverAll()).isEqualTo(1);
        assertThat(types(RECEIVER.takenFor("wh-crash"))).containsExactly("receivable.registered");
    }

    @Test
    void twoWorkersRacingSendEachEventOnceAndKeepEachReceivablesOrder() throws Exception {
        subscribe();
        int receivablesCount = 5;
        int eventsEach = 12;
        for (int n = 0; n < eventsEach; n++) {
            for (int r = 0; r < receivablesCount; r++) {
                announce("wh-race-" + r, n);
            }
        }
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> sent = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                Callable<Integer> work = () -> {
                    start.await();
                    int total = 0;
                    // a round can find nothing while the other node holds what is due next: stop only when none is pending
                    for (int round = 0; round < 1000 && pending() > 0; round++) {
                        total += worker.deliverDue().sent();
                    }
                    return total;
                };
                sent.add(nodes.submit(work));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : sent) {
                total += f.get(2, TimeUnit.MINUTES);
            }
            assertThat(total).isEqualTo(receivablesCount * eventsEach);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(RECEIVER.requests()).as("no event was posted twice").isEqualTo(receivablesCount * eventsEach);
        for (int r = 0; r < receivablesCount; r++) {
            List<String> stages = RECEIVER.takenFor("wh-race-" + r).stream().map(e -> e.body().at("/data/stage").asText()).toList();
            List<String> expected = new ArrayList<>();
            for (int n = 0; n < eventsEach; n++) {
                expected.add("STEP_" + n);
            }
            assertThat(stages).as("wh-race-" + r).containsExactlyElementsOf(expected);
        }
    }

    private int pending() {
        return jdbc.sql("select count(*) from webhook_delivery where status = 'PENDING'").query(Integer.class).single();
    }

    // ---- the admin API

    @Test
    void theSecretIsShownOnceAndABadUrlEventOrSecretIsRefusedNamingTheField() {
        ResponseEntity<JsonNode> created = post("/api/webhooks", "{\"url\": \"%s\", \"events\": [\"receivable.paid\"]}".formatted(RECEIVER.url()));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("secret").asText()).startsWith("whsec_");
        assertThat(admin.getForObject("/api/webhooks", String.class)).doesNotContain("whsec_").contains(RECEIVER.url())
                .contains("receivable.paid");

        for (String[] bad : new String[][] {
                {"{\"url\": \"ftp://erp.example.com/events\"}", "url"},
                {"{\"url\": \"not a url\"}", "url"},
                {"{}", "url"},
                {"{\"url\": \"https://erp.example.com/events\", \"events\": [\"receivable.eaten\"]}", "events"},
                {"{\"url\": \"https://erp.example.com/events\", \"events\": []}", "events"},
                {"{\"url\": \"https://erp.example.com/events\", \"secret\": \"hunter2\"}", "secret"}}) {
            ResponseEntity<JsonNode> refused = post("/api/webhooks", bad[0]);
            assertThat(refused.getStatusCode()).as(bad[0]).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().get("field").asText()).as(bad[0]).isEqualTo(bad[1]);
        }
        assertThat(admin.getForObject("/api/webhooks", JsonNode.class)).as("nothing refused was stored").hasSize(1);

        long id = created.getBody().get("id").asLong();
        assertThat(admin.exchange("/api/webhooks/" + id, HttpMethod.DELETE, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(admin.getForObject("/api/webhooks", JsonNode.class)).isEmpty();
        assertThat(admin.exchange("/api/webhooks/" + id, HttpMethod.DELETE, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aSecretGivenByTheBackendIsTheOneThatSigns() {
        String secret = WebhookSignature.newSecret();
        ResponseEntity<JsonNode> created = post("/api/webhooks", "{\"url\": \"%s\", \"secret\": \"%s\"}".formatted(RECEIVER.url(), secret));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        RECEIVER.useSecret(secret);
        register("wh-own-secret");
        deliverAll();
        assertThat(RECEIVER.takenFor("wh-own-secret")).hasSize(1);
        assertThat(RECEIVER.badSignatures()).isZero();
    }
}
