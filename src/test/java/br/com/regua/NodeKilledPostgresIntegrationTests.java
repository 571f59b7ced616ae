package br.com.regua;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import br.com.regua.schedule.SimulationClock;
import br.com.regua.security.Role;
import br.com.regua.support.ClusterNodes;
import br.com.regua.support.RecordingGateway;
import br.com.regua.support.TestUsers;

/**
 * One node killed ({@code kill -9}) in the middle of a day's steps: the other finishes the day once
 * the dead node's job locks and contact leases expire; every step is taken once, every contact
 * recorded once and delivered (again, with the same idempotency key, when the dead node may have
 * sent it before recording it), and every receivable the dead node accepted with a 2xx is there.
 * The node that dies runs in a JVM of its own; the survivor runs here.
 */
@EnabledIfEnvironmentVariable(named = "REGUA_TEST_POSTGRES", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeKilledPostgresIntegrationTests {

    static final int BEFORE = 160;
    static final int ON_THE_DYING_NODE = 40;
    static final Duration PATIENCE = Duration.ofMinutes(4);
    static final String DAY = "2026-03-11T09:00:00-03:00";

    final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    final RecordingGateway gateway = new RecordingGateway();
    ConfigurableApplicationContext survivor;
    ClusterNodes.Apart dying;

    @AfterAll
    void stop() throws Exception {
        if (dying != null && dying.process().isAlive()) {
            dying.kill();
        }
        if (survivor != null) {
            survivor.close();
        }
        smtp.stop();
        gateway.close();
    }

    static String receivable(String externalId) {
        return """
                {"externalId": "%s",
                 "customer": {"externalId": "cust-%s", "name": "Ana Souza", "document": "123.456.789-09",
                              "type": "CONSUMER", "email": "ana@example.com", "phone": "+55 21 99876-5432", "state": "SP"},
                 "amount": "300.00", "issueDate": "2026-03-01", "dueDate": "2026-03-16", "description": "Fatura de internet de março"}
                """.formatted(externalId, externalId);
    }

    static ResponseEntity<JsonNode> batch(TestRestTemplate client, String prefix, int from, int to) {
        String items = IntStream.range(from, to).mapToObj(i -> receivable(prefix + i)).collect(Collectors.joining(","));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.postForEntity("/api/receivables/batch", new HttpEntity<>("{\"items\": [" + items + "]}", headers), JsonNode.class);
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

    @Test
    void theSurvivorFinishesTheDayOfANodeKilledMidwayAndNothingIsLostOrDoneTwice() throws Exception {
        smtp.start();
        String url = ClusterNodes.newDatabase("node_killed");
        survivor = ClusterNodes.startHere(ClusterNodes.arguments("survivor", url, smtp, gateway));
        SimulationClock clock = survivor.getBean(SimulationClock.class);
        JdbcClient jdbc = survivor.getBean(JdbcClient.class);
        IdentityService identity = survivor.getBean(IdentityService.class);
        TestRestTemplate onSurvivor = TestUsers.as(Role.INTEGRATION, identity,
                new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + ClusterNodes.port(survivor))));

        // Monday 2 March: receivables registered on the survivor, their pre-due reminders due on Wednesday 11 March
        clock.moveTo(OffsetDateTime.parse("2026-03-02T10:00:00-03:00").toInstant());
        for (int from = 0; from < BEFORE; from += 40) {
            assertThat(batch(onSurvivor, "killed-day-", from, from + 40).getStatusCode()).isEqualTo(HttpStatus.OK);
        }

        // the other node joins on the day itself: it alone can take the steps (the survivor's clock is still on the 2nd)
        List<String> arguments = new java.util.ArrayList<>(ClusterNodes.arguments("dying", url, smtp, gateway));
        arguments.add("--regua.simulation.start=" + DAY);
        dying = ClusterNodes.startApart(arguments, Path.of("target", "node-killed", "dying.log"), PATIENCE);
        TestRestTemplate onDying = new TestRestTemplate(new RestTemplateBuilder().rootUri(dying.rootUri()))
                .withBasicAuth(TestUsers.user(Role.INTEGRATION), TestUsers.user(Role.INTEGRATION) + "-password");
        // it accepts receivables too: what it answered 201 for must outlive it
        ResponseEntity<JsonNode> accepted = batch(onDying, "killed-day-", BEFORE, BEFORE + ON_THE_DYING_NODE);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(accepted.getBody().get("created").asInt()).isEqualTo(ON_THE_DYING_NODE);
        int total = BEFORE + ON_THE_DYING_NODE;

        String reached = """
                select count(*) from case_event e join receivable r on r.id = e.receivable_id
                where r.external_id like 'killed-day-%' and e.stage = 'PRE_DUE_REMINDER'""";
        await("the dying node has taken a share of the day", () -> count(jdbc, reached) >= total / 4);
        dying.kill();
        long byTheDead = count(jdbc, reached);
        long sentByTheDead = count(jdbc, "select count(*) from contact where status = 'SENT'");
        long leasedAtDeath = count(jdbc, "select count(*) from contact where status = 'SENDING'");
        long lockedAtDeath = count(jdbc, "select count(*) from act_ru_job where lock_owner_ is not null");

        // the survivor reaches the day ten minutes on: the dead node's job locks (5 min) and contact leases (2 min) are over
        clock.moveTo(OffsetDateTime.parse(DAY).plusMinutes(10).toInstant());
        await("every case has taken its pre-due reminder", () -> count(jdbc, reached) >= total
                && count(jdbc, "select count(*) from act_ru_job where duedate_ <= ?", Timestamp.from(clock.instant())) == 0);
        await("every contact of the day is delivered",
                () -> count(jdbc, "select count(*) from contact where status in ('QUEUED', 'DEFERRED', 'SENDING')") == 0);

        assertThat(count(jdbc, "select count(*) from receivable where external_id like 'killed-day-%'"))
                .as("receivables accepted with a 2xx, on either node").isEqualTo(total);
        assertThat(count(jdbc, """
                select count(*) from (select e.receivable_id from case_event e join receivable r on r.id = e.receivable_id
                where r.external_id like 'killed-day-%' and e.stage = 'PRE_DUE_REMINDER' group by e.receivable_id
                having count(*) <> 1) twice""")).as("cases whose reminder stage was reached more or less than once").isZero();
        assertThat(count(jdbc, "select count(*) from act_ru_incident")).isZero();

        List<Map<String, Object>> contacts = jdbc.sql("""
                select c.channel, c.idempotency_key, c.status from contact c join receivable r on r.id = c.receivable_id
                where r.external_id like 'killed-day-%'""").query().listOfRows();
        assertThat(contacts).allSatisfy(c -> assertThat(c.get("status")).isEqualTo("SENT"));
        Map<String, Long> mailed = java.util.Arrays.stream(smtp.getReceivedMessages()).map(m -> {
            try {
                return m.getHeader("X-Regua-Contact")[0];
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.groupingBy(k -> k, Collectors.counting()));
        Map<String, Long> texted = gateway.countByIdempotencyKey();
        Set<String> emailKeys = keys(contacts, "EMAIL");
        Set<String> smsKeys = keys(contacts, "SMS");
        assertThat(emailKeys).hasSize(total);
        assertThat(smsKeys).hasSize(total);
        // nothing missing and nothing that was not recorded; a contact the dead node sent but had not recorded
        // as sent goes again under the same key, which the provider drops as a duplicate
        assertThat(mailed.keySet()).containsExactlyInAnyOrderElementsOf(emailKeys);
        assertThat(texted.keySet()).containsExactlyInAnyOrderElementsOf(smsKeys);
        long again = mailed.values().stream().mapToLong(n -> n - 1).sum() + texted.values().stream().mapToLong(n -> n - 1).sum();
        assertThat(again).as("deliveries sent a second time").isLessThanOrEqualTo(leasedAtDeath);

        System.out.printf("Node killed mid-day: %d of %d reminders taken by the dying node, %d contacts sent by it, "
                        + "%d contacts and %d jobs held by it when killed; the survivor finished the rest; "
                        + "%d delivery sent again under its key; %d receivables, none lost%n",
                byTheDead, total, sentByTheDead, leasedAtDeath, lockedAtDeath, again,
                count(jdbc, "select count(*) from receivable where external_id like 'killed-day-%'"));
    }

    static Set<String> keys(List<Map<String, Object>> contacts, String channel) {
        return contacts.stream().filter(c -> channel.equals(c.get("channel"))).map(c -> (String) c.get("idempotency_key"))
                .collect(Collectors.toSet());
    }

    static long count(JdbcClient jdbc, String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
