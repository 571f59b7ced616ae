package br.com.regua;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import br.com.regua.schedule.SimulationClock;
import br.com.regua.security.Role;
import br.com.regua.support.ClusterNodes;
import br.com.regua.support.RecordingGateway;
import br.com.regua.support.TestUsers;

/**
 * Two Régua nodes on one PostgreSQL database, as a cluster runs: each with its own job executor and
 * delivery worker, a real SMTP server and SMS gateway shared by both. They start at the same time
 * on a database nobody has set up yet; receivables are registered through both; a day's due steps
 * are taken by whichever node acquires them, and each step, each contact and each delivery happens
 * once. A policy activated on one node decides on the other. (A node killed mid-day is the
 * benchmark-style run in {@code bench/cluster.sh}: it needs separate processes.)
 *
 * <p>Both nodes live in this JVM, so they share Camunda's clock; each node's simulation clock is
 * moved to the same instant. The job executors run for real: nothing here fires a job by hand.
 */
@EnabledIfEnvironmentVariable(named = "REGUA_TEST_POSTGRES", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesPostgresIntegrationTests {

    static final int CASES = 240;
    static final Duration PATIENCE = Duration.ofMinutes(3);

    final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    final RecordingGateway gateway = new RecordingGateway();
    final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    final List<TestRestTemplate> clients = new ArrayList<>();
    JdbcClient jdbc;

    @BeforeAll
    void twoNodesStartAtOnceOnANewDatabase() throws Exception {
        smtp.start();
        String url = ClusterNodes.newDatabase("two_nodes");
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<ConfigurableApplicationContext>> started = List.of("node-a", "node-b").stream()
                    .map(name -> CompletableFuture.supplyAsync(() -> start(name, url), starting)).toList();
            for (CompletableFuture<ConfigurableApplicationContext> node : started) {
                nodes.add(node.get());
            }
        } finally {
            starting.shutdown();
        }
        for (ConfigurableApplicationContext node : nodes) {
            TestRestTemplate anonymous = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + ClusterNodes.port(node)));
            clients.add(TestUsers.as(Role.INTEGRATION, node.getBean(IdentityService.class), anonymous));
        }
        jdbc = nodes.get(0).getBean(JdbcClient.class);
        moveBothClocksTo("2026-03-02T10:00:00-03:00");
    }

    @AfterAll
    void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
        smtp.stop();
        gateway.close();
    }

    ConfigurableApplicationContext start(String name, String url) {
        List<String> arguments = new ArrayList<>(ClusterNodes.arguments(name, url, smtp, gateway));
        // the job log and Camunda's metrics name the node
        arguments.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
        return ClusterNodes.startHere(arguments);
    }

    static String receivable(String externalId) {
        return ClusterNodes.receivable(externalId);
    }

    ResponseEntity<JsonNode> post(TestRestTemplate client, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    void moveBothClocksTo(String at) {
        Instant instant = OffsetDateTime.parse(at).toInstant();
        nodes.forEach(node -> node.getBean(SimulationClock.class).moveTo(instant));
    }

    static void await(String what, BooleanSupplier done) throws InterruptedException {
        Instant until = Instant.now().plus(PATIENCE);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("not within " + PATIENCE + ": " + what);
            }
            Thread.sleep(250);
        }
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    @Order(0)
    void bothNodesCameUpOnTheNewDatabaseAndTookItInOnce() {
        for (TestRestTemplate client : clients) {
            assertThat(client.getForEntity("/actuator/health", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        assertThat(count("select count(*) from act_re_deployment")).as("deployments of the processes").isOne();
        assertThat(count("select count(*) from act_re_procdef where key_ = 'collection'")).isOne();
        assertThat(count("select count(*) from policy_version")).as("versions of the policy taken in at first start").isOne();
        assertThat(count("select count(*) from policy_activation")).isOne();
        assertThat(count("select count(*) from act_id_user where id_ = 'admin'")).isOne();
    }

    @Test
    @Order(1)
    void aDayOfDueStepsIsTakenByBothNodesEachStepAndEachMessageOnce() throws Exception {
        // Monday 2 March: receivables registered through both nodes at once, in batches of 20
        List<CompletableFuture<Void>> intake = new ArrayList<>();
        for (int batch = 0; batch < CASES / 20; batch++) {
            TestRestTemplate client = clients.get(batch % 2);
            String items = java.util.stream.IntStream.range(batch * 20, batch * 20 + 20)
                    .mapToObj(i -> receivable("two-nodes-" + i)).collect(Collectors.joining(","));
            intake.add(CompletableFuture.runAsync(() -> {
                ResponseEntity<JsonNode> answer = post(client, "/api/receivables/batch", "{\"items\": [" + items + "]}");
                assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
                assertThat(answer.getBody().get("created").asInt()).isEqualTo(20);
            }));
        }
        CompletableFuture.allOf(intake.toArray(CompletableFuture[]::new)).join();
        assertThat(count("select count(*) from receivable where external_id like 'two-nodes-%'")).isEqualTo(CASES);

        // Wednesday 11 March, 09:00: every pre-due reminder (five days before) is due, on both nodes' clocks
        moveBothClocksTo("2026-03-11T09:00:00-03:00");
        await("every case has taken its pre-due reminder", () -> count("""
                select count(*) from case_event e join receivable r on r.id = e.receivable_id
                where r.external_id like 'two-nodes-%' and e.stage = 'PRE_DUE_REMINDER'""") >= CASES
                && count("select count(*) from act_ru_job where duedate_ <= ?", java.sql.Timestamp.from(
                        OffsetDateTime.parse("2026-03-11T09:00:00-03:00").toInstant())) == 0);
        await("every contact of the day is delivered", () -> count("""
                select count(*) from contact c join receivable r on r.id = c.receivable_id
                where r.external_id like 'two-nodes-%' and c.status in ('QUEUED', 'DEFERRED')""") == 0);

        // each step once: one reminder stage in each timeline, one run of its task per case, no incident
        assertThat(count("""
                select count(*) from (select e.receivable_id from case_event e join receivable r on r.id = e.receivable_id
                where r.external_id like 'two-nodes-%' and e.stage = 'PRE_DUE_REMINDER' group by e.receivable_id having count(*) <> 1) twice"""))
                .as("cases whose reminder stage was reached more or less than once").isZero();
        assertThat(count("select count(*) from act_hi_actinst where act_id_ = 'Task_SendPreDueReminder' and end_time_ is not null"))
                .isEqualTo(CASES);
        assertThat(count("select count(*) from act_ru_incident")).isZero();
        // the nodes shared the work: each counts the steps it took and the messages it delivered
        List<Long> steps = nodes.stream().map(node -> (long) node.getBean(MeterRegistry.class).find("regua.steps")
                .tag("stage", "PRE_DUE_REMINDER").tag("outcome", "carried-out").timers().stream().mapToLong(Timer::count).sum()).toList();
        List<Long> delivered = nodes.stream().map(node -> (long) node.getBean(MeterRegistry.class).find("regua.contacts.deliveries")
                .tag("outcome", "sent").counters().stream().mapToDouble(Counter::count).sum()).toList();
        System.out.println("Pre-due reminders taken by node A and node B: " + steps + "; messages delivered: " + delivered);
        assertThat(steps.get(0) + steps.get(1)).isEqualTo(CASES);
        assertThat(steps).allSatisfy(n -> assertThat(n).isPositive());

        // each contact recorded once per channel, and delivered once: the SMTP server and the gateway saw each key once
        List<Map<String, Object>> contacts = jdbc.sql("""
                select c.channel, c.idempotency_key, c.status from contact c join receivable r on r.id = c.receivable_id
                where r.external_id like 'two-nodes-%' and c.stage = 'PRE_DUE_REMINDER'""").query().listOfRows();
        Map<String, Long> byChannel = contacts.stream().collect(Collectors.groupingBy(c -> (String) c.get("channel"), Collectors.counting()));
        System.out.println("Pre-due reminders by channel: " + byChannel);
        assertThat(contacts).allSatisfy(c -> assertThat(c.get("status")).isEqualTo("SENT"));
        assertThat(contacts.stream().map(c -> c.get("channel") + " " + c.get("idempotency_key")).distinct().count())
                .isEqualTo(contacts.size());
        assertThat(byChannel.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(CASES);
        Map<String, Long> mailed = java.util.Arrays.stream(smtp.getReceivedMessages()).map(m -> {
            try {
                return m.getHeader("X-Regua-Contact")[0];
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.groupingBy(k -> k, Collectors.counting()));
        assertDeliveredOnce("EMAIL", contacts, mailed);
        assertDeliveredOnce("SMS", contacts, gateway.countByIdempotencyKey());
    }

    /** Every contact of the channel reached its server exactly once (the server may have had other contacts too). */
    static void assertDeliveredOnce(String channel, List<Map<String, Object>> contacts, Map<String, Long> receivedByKey) {
        java.util.Set<String> keys = contacts.stream().filter(c -> channel.equals(c.get("channel")))
                .map(c -> (String) c.get("idempotency_key")).collect(Collectors.toSet());
        assertThat(keys).as(channel).isNotEmpty();
        assertThat(keys).as(channel + " contacts that never arrived").allSatisfy(key -> assertThat(receivedByKey).containsKey(key));
        assertThat(keys).as(channel + " contacts that arrived twice").allSatisfy(key -> assertThat(receivedByKey.get(key)).isOne());
    }

    @Test
    @Order(2)
    void aPolicyActivatedOnOneNodeDecidesOnTheOther() throws Exception {
        TestRestTemplate managerOnA = TestUsers.as(Role.CREDIT_MANAGER, nodes.get(0).getBean(IdentityService.class),
                new TestRestTemplate(new RestTemplateBuilder().rootUri(rootUri(0))));
        // the same person on the other node: one identity store for both
        TestRestTemplate managerOnB = new TestRestTemplate(new RestTemplateBuilder().rootUri(rootUri(1)))
                .withBasicAuth(TestUsers.user(Role.CREDIT_MANAGER), TestUsers.user(Role.CREDIT_MANAGER) + "-password");
        String grace = managerOnA.getForObject("/api/policy", JsonNode.class).at("/files/grace.drl").asText();
        assertThat(grace).contains("rule ");

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String edit = "{\"comment\": \"checked on two nodes\", \"files\": {\"grace.drl\": "
                + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(grace + "\n// reviewed with the two nodes\n") + "}}";
        ResponseEntity<JsonNode> activated = managerOnA.exchange("/api/policy", HttpMethod.PUT, new HttpEntity<>(edit, headers), JsonNode.class);
        assertThat(activated.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        int version = activated.getBody().get("number").asInt();

        Instant asked = Instant.now();
        await("node B has taken the version node A activated",
                () -> managerOnB.getForObject("/api/policy", JsonNode.class).get("number").asInt() == version);
        System.out.println("Version " + version + " active on node B after " + Duration.between(asked, Instant.now()).toMillis() + " ms");

        // the next case registered on node B is decided by it
        assertThat(post(clients.get(1), "/api/receivables", receivable("policy-after-edit")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode decisions = managerOnB.getForObject("/api/receivables/policy-after-edit/decisions", JsonNode.class);
        assertThat(decisions.get(0).get("policyNumber").asInt()).isEqualTo(version);
    }

    @Test
    @Order(3)
    void anAgreementAndADisputeBegunOnOneNodeAndFinishedOnTheOtherStayConsistent() throws Exception {
        TestRestTemplate a = clients.get(0);
        TestRestTemplate b = clients.get(1);
        // debts registered late (due 1 February): overdue enough for offers; their first step runs on either node
        for (String id : List.of("consistency-agreement", "consistency-dispute")) {
            assertThat(post(a, "/api/receivables", receivable(id).replace("300.00", "1500.00").replace("2026-03-16", "2026-02-01")
                    .replace("2026-03-01", "2026-01-15")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            awaitSettled(id);
        }

        // offers asked on node B, one accepted on node A
        JsonNode offers = b.getForObject("/api/receivables/consistency-agreement/offers", JsonNode.class);
        JsonNode threeInstallments = java.util.stream.StreamSupport.stream(offers.get("offers").spliterator(), false)
                .filter(o -> o.get("installmentCount").asInt() == 3).findFirst().orElseThrow();
        ResponseEntity<JsonNode> accepted = post(a, "/api/agreements", "{\"offerId\": \"" + threeInstallments.get("id").asText() + "\"}");
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String agreement = accepted.getBody().get("id").asText();
        assertThat(b.getForObject("/api/agreements/" + agreement, JsonNode.class).get("status").asText()).isEqualTo("ACTIVE");
        assertThat(b.getForObject("/api/receivables/consistency-agreement", JsonNode.class).get("status").asText())
                .isEqualTo("IN_AGREEMENT");

        // a dispute opened on node B, rejected on node A: the schedule goes on from a job either node may take
        ResponseEntity<JsonNode> opened = post(b, "/api/receivables/consistency-dispute/disputes", "{\"reason\": \"Não reconheço\"}");
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String dispute = opened.getBody().get("id").asText();
        assertThat(a.getForObject("/api/receivables/consistency-dispute", JsonNode.class).get("status").asText()).isEqualTo("DISPUTED");
        assertThat(post(a, "/api/disputes/" + dispute + "/resolution", "{\"outcome\": \"REJECTED\", \"note\": \"Cobrança devida\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitSettled("consistency-dispute");
        JsonNode resumed = b.getForObject("/api/receivables/consistency-dispute", JsonNode.class);
        assertThat(resumed.get("status").asText()).isEqualTo("OPEN");
        assertThat(resumed.at("/nextStep/stage").asText()).isNotBlank();
        assertThat(b.getForObject("/api/disputes/" + dispute, JsonNode.class).get("status").asText()).isEqualTo("REJECTED");
        assertThat(count("select count(*) from act_ru_incident")).isZero();
    }

    /** Waits until no job of the case is due: whichever node took its steps has finished them. */
    void awaitSettled(String externalId) throws InterruptedException {
        await(externalId + " has taken its due steps", () -> count("""
                select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
                where e.business_key_ = ? and (j.duedate_ is null or j.duedate_ <= ?)""", externalId,
                java.sql.Timestamp.from(nodes.get(0).getBean(SimulationClock.class).instant())) == 0);
    }

    String rootUri(int node) {
        return "http://127.0.0.1:" + ClusterNodes.port(nodes.get(node));
    }
}
