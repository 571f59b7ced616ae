package br.com.regua.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import br.com.regua.events.BusinessEvent;
import br.com.regua.events.EventType;
import br.com.regua.integration.webhook.WebhookService;
import br.com.regua.integration.webhook.WebhookSignature;
import br.com.regua.integration.webhook.WebhookWorker;

/**
 * Events to backends on PostgreSQL. What a fact pays for its event (the outbox row and one delivery,
 * written in its transaction) against the same transaction, writing its fact, when no endpoint
 * listens; then how fast
 * one worker, and two racing as two nodes would, drain the outbox to a receiver in this JVM that
 * verifies every signature, against the same signed POSTs sent straight from a loop. The receiver
 * counts duplicates and events out of order: both must be zero.
 */
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=false",
        "regua.webhooks.poll=false",
        "regua.policy.reload-interval=PT1H",
        "logging.level.root=WARN",
        "spring.main.banner-mode=off"})
@ActiveProfiles("simulation")
class WebhookBenchmark {

    static final int EVENTS = Integer.getInteger("bench.events", 10_000);
    static final int RECEIVABLES = 500;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        BenchDatabase.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    WebhookService webhooks;
    @Autowired
    WebhookWorker worker;
    @Autowired
    Clock clock;

    @Test
    void writeAndDeliverTheOutbox() throws Exception {
        try (Receiver receiver = new Receiver()) {
            // a stand-in for the fact's own write: a transaction that writes nothing needs no flush at commit
            jdbc.execute("create table bench_fact (id bigserial primary key, receivable varchar(100), happened_at timestamptz)");
            // warm-up, and the baseline: facts announced with no endpoint listening
            announce(EVENTS / 5, "warm");
            WebhookService.Registered endpoint = webhooks.register(receiver.url(), null, null);
            receiver.secret = endpoint.secret();
            // in alternating slices, so the commit latency of a shared disk weighs on both alike
            double bareSeconds = 0;
            double writtenSeconds = 0;
            for (int slice = 0; slice < 4; slice++) {
                // hearing only payments, the endpoint does not hear these facts: nothing is written for them
                jdbc.update("insert into webhook_subscription (endpoint_id, event_type) values (?, 'receivable.paid')", endpoint.endpoint().id());
                long bare = System.nanoTime();
                announce(EVENTS / 4, "bare-" + slice);
                bareSeconds += seconds(bare);
                jdbc.update("delete from webhook_subscription where endpoint_id = ?", endpoint.endpoint().id());
                long written = System.nanoTime();
                announce(EVENTS / 4, "one-" + slice);
                writtenSeconds += seconds(written);
            }
            jdbc.execute("analyze");

            long oneWorker = System.nanoTime();
            drain(1);
            double oneWorkerSeconds = seconds(oneWorker);

            announce(EVENTS, "two");
            jdbc.execute("analyze");
            long twoWorkers = System.nanoTime();
            drain(2);
            double twoWorkersSeconds = seconds(twoWorkers);

            int sentByWorkers = receiver.taken.get();
            long direct = System.nanoTime();
            postDirectly(receiver, endpoint.secret(), EVENTS);
            double directSeconds = seconds(direct);

            if (sentByWorkers != 2 * EVENTS || receiver.duplicates.get() != 0 || receiver.outOfOrder.get() != 0
                    || receiver.badSignatures.get() != 0) {
                throw new AssertionError("taken " + sentByWorkers + " of " + 2 * EVENTS + ", duplicates " + receiver.duplicates
                        + ", out of order " + receiver.outOfOrder + ", bad signatures " + receiver.badSignatures);
            }
            new BenchResults("Webhooks: the event outbox, written and delivered (" + EVENTS + " events per figure)",
                    "REGUA_BENCH_DB=<database> ./mvnw -Pbench test -Dtest=WebhookBenchmark"
                            + (EVENTS == 10_000 ? "" : " -Dbench.events=" + EVENTS))
                    .figure("a fact's transaction announcing one event, one endpoint listening", rate(EVENTS, writtenSeconds)
                            + String.format(" (%.2f ms each)", 1000 * writtenSeconds / EVENTS),
                            "baseline, the fact's write, no endpoint: " + rate(EVENTS, bareSeconds) + String.format(" (%.2f ms each)", 1000 * bareSeconds / EVENTS))
                    .figure("delivery, one worker (claim, signed POST, record the attempt)", rate(EVENTS, oneWorkerSeconds),
                            "baseline, the same signed POSTs from a loop: " + rate(EVENTS, directSeconds))
                    .figure("delivery, two workers racing (two nodes)", rate(EVENTS, twoWorkersSeconds), "")
                    .figure("events taken / duplicates / out of order / bad signatures",
                            sentByWorkers + " / " + receiver.duplicates + " / " + receiver.outOfOrder + " / " + receiver.badSignatures,
                            2 * EVENTS + " / 0 / 0 / 0")
                    .note("Events spread over " + RECEIVABLES + " receivables, each announced in a transaction of its own (the "
                            + "transaction writes one row for the fact, then announces it). A receivable's next event "
                            + "is due only once the one before was taken, so a round sends at most one event per receivable.")
                    .record(jdbc.queryForObject("show server_version", String.class));
        }
    }

    /** {@code n} facts, one transaction each, spread over the receivables in turn. */
    private void announce(int n, String run) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        for (int i = 0; i < n; i++) {
            int step = i;
            String receivable = "bench-" + run + "-" + (step % RECEIVABLES);
            tx.executeWithoutResult(s -> {
                OffsetDateTime at = OffsetDateTime.now(clock);
                jdbc.update("insert into bench_fact (receivable, happened_at) values (?, ?)", receivable, at);
                publisher.publishEvent(BusinessEvent.of(EventType.STAGE_REACHED, receivable, at, "stage", "STEP", "day", step / RECEIVABLES));
            });
        }
    }

    private void drain(int workers) throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> running = new java.util.ArrayList<>();
            for (int w = 0; w < workers; w++) {
                running.add(nodes.submit(() -> {
                    while (pending() > 0) {
                        worker.deliverDue();
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    private int pending() {
        return jdbc.queryForObject("select count(*) from webhook_delivery where status = 'PENDING'", Integer.class);
    }

    /** The baseline: the receiver's throughput for the same signed requests, no outbox. */
    private static void postDirectly(Receiver receiver, String secret, int n) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < n; i++) {
            String id = "direct_" + i;
            String body = "{\"type\":\"stage.reached\",\"timestamp\":\"2026-03-16T11:00:00Z\",\"data\":{\"receivable\":\"direct-"
                    + (i % RECEIVABLES) + "\",\"stage\":\"STEP\",\"day\":" + (i / RECEIVABLES) + "}}";
            long ts = System.currentTimeMillis() / 1000;
            http.send(HttpRequest.newBuilder(URI.create(receiver.url())).header("Content-Type", "application/json")
                    .header("webhook-id", id).header("webhook-timestamp", Long.toString(ts))
                    .header("webhook-signature", WebhookSignature.sign(secret, id, ts, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    private static String rate(int n, double seconds) {
        return String.format("%.0f /s (%.1f s)", n / seconds, seconds);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Verifies, drops duplicates by id, and checks each receivable's days arrive in order. */
    static final class Receiver implements AutoCloseable {

        private static final ObjectMapper JSON = new ObjectMapper();
        final HttpServer server;
        volatile String secret;
        final Set<String> seen = ConcurrentHashMap.newKeySet();
        final Map<String, Integer> lastDay = new ConcurrentHashMap<>();
        final AtomicInteger taken = new AtomicInteger();
        final AtomicInteger duplicates = new AtomicInteger();
        final AtomicInteger outOfOrder = new AtomicInteger();
        final AtomicInteger badSignatures = new AtomicInteger();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                long ts = Long.parseLong(exchange.getRequestHeaders().getFirst("webhook-timestamp"));
                if (!WebhookSignature.verify(secret, id, ts, body, exchange.getRequestHeaders().getFirst("webhook-signature"))) {
                    badSignatures.incrementAndGet();
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                if (!seen.add(id)) {
                    duplicates.incrementAndGet();
                    exchange.sendResponseHeaders(204, -1);
                    return;
                }
                if (!id.startsWith("direct_")) {
                    JsonNode data = JSON.readTree(body).get("data");
                    int day = data.get("day").asInt();
                    Integer before = lastDay.put(data.get("receivable").asText(), day);
                    if (before != null && before >= day) {
                        outOfOrder.incrementAndGet();
                    }
                    taken.incrementAndGet();
                }
                exchange.sendResponseHeaders(204, -1);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
