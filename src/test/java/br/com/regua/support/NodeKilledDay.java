package br.com.regua.support;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.IdentityService;
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

/**
 * A day of pre-due reminders on two nodes, one of them killed ({@code kill -9}) midway: the
 * survivor runs in this JVM, the node that dies in a JVM of its own. Receivables are registered on
 * the survivor on 2 March; the other node joins on 11 March, when their reminders fall due, takes
 * more receivables (answered 2xx) and a share of the steps, and is killed; the survivor then moves
 * its clock past the dead node's job locks (5 minutes) and contact leases (2 minutes) and finishes
 * the day. It counts what happened; the suite's test and the benchmark check the same counts.
 */
public final class NodeKilledDay implements AutoCloseable {

    static final String DAY = "2026-03-11T09:00:00-03:00";

    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final RecordingGateway gateway = new RecordingGateway();
    private final Duration patience;
    private ConfigurableApplicationContext survivor;
    private ClusterNodes.Apart dying;

    public NodeKilledDay(Duration patience) {
        this.patience = patience;
    }

    /** What happened: the counts at the kill and at the end, and every contact with how often its server received it. */
    public record Outcome(int accepted, long receivables, long reachedWhenKilled, long sentWhenKilled, long leasedWhenKilled,
                          long lockedWhenKilled, long stagesReachedOtherThanOnce, long incidents, long contactsNotSent,
                          Map<String, Long> emailContacts, Map<String, Long> smsContacts, Duration killedToDone) {

        /** Deliveries a server received more than once (each again under its contact's key). */
        public long sentAgain() {
            return again(emailContacts) + again(smsContacts);
        }

        /** Contacts recorded that no server ever received. */
        public long neverDelivered() {
            return emailContacts.values().stream().filter(n -> n == 0).count() + smsContacts.values().stream().filter(n -> n == 0).count();
        }

        private static long again(Map<String, Long> received) {
            return received.values().stream().mapToLong(n -> Math.max(0, n - 1)).sum();
        }

        @Override
        public String toString() {
            return String.format("%d receivables accepted, %d stored; the dying node took %d reminders and sent %d contacts, "
                            + "and held %d contacts and %d jobs when killed; %d cases reached their reminder other than once, "
                            + "%d incidents, %d contacts not sent, %d never delivered, %d deliveries sent again under their key; "
                            + "the survivor finished %d ms after the kill",
                    accepted, receivables, reachedWhenKilled, sentWhenKilled, leasedWhenKilled, lockedWhenKilled,
                    stagesReachedOtherThanOnce, incidents, contactsNotSent, neverDelivered(), sentAgain(), killedToDone.toMillis());
        }
    }

    /**
     * @param databaseUrl a database with nothing in it
     * @param before      receivables registered on the survivor before the day
     * @param onTheDying  receivables registered on the node that dies, on the day
     * @param log         where the dying node's output goes
     */
    public Outcome run(String databaseUrl, int before, int onTheDying, Path log) throws Exception {
        smtp.start();
        survivor = ClusterNodes.startHere(ClusterNodes.arguments("survivor", databaseUrl, smtp, gateway));
        SimulationClock clock = survivor.getBean(SimulationClock.class);
        JdbcClient jdbc = survivor.getBean(JdbcClient.class);
        TestRestTemplate onSurvivor = TestUsers.as(Role.INTEGRATION, survivor.getBean(IdentityService.class),
                new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + ClusterNodes.port(survivor))));

        clock.moveTo(OffsetDateTime.parse("2026-03-02T10:00:00-03:00").toInstant());
        int accepted = 0;
        for (int from = 0; from < before; from += 100) {
            accepted += created(batch(onSurvivor, from, Math.min(before, from + 100)));
        }

        // the other node joins on the day itself: it alone can take the steps (the survivor's clock is still on the 2nd)
        List<String> arguments = new ArrayList<>(ClusterNodes.arguments("dying", databaseUrl, smtp, gateway));
        arguments.add("--regua.simulation.start=" + DAY);
        dying = ClusterNodes.startApart(arguments, log, patience);
        TestRestTemplate onDying = new TestRestTemplate(new RestTemplateBuilder().rootUri(dying.rootUri()))
                .withBasicAuth(TestUsers.user(Role.INTEGRATION), TestUsers.user(Role.INTEGRATION) + "-password");
        for (int from = before; from < before + onTheDying; from += 100) {
            accepted += created(batch(onDying, from, Math.min(before + onTheDying, from + 100)));
        }
        int total = accepted;

        String reached = """
                select count(*) from case_event e join receivable r on r.id = e.receivable_id
                where r.external_id like 'killed-day-%' and e.stage = 'PRE_DUE_REMINDER'""";
        await("the dying node has taken a share of the day", () -> count(jdbc, reached) >= total / 4);
        dying.kill();
        Instant killed = Instant.now();
        long reachedWhenKilled = count(jdbc, reached);
        long sentWhenKilled = count(jdbc, "select count(*) from contact where status = 'SENT'");
        long leasedWhenKilled = count(jdbc, "select count(*) from contact where claim_token is not null");
        long lockedWhenKilled = count(jdbc, "select count(*) from act_ru_job where lock_owner_ is not null");

        clock.moveTo(OffsetDateTime.parse(DAY).plusMinutes(10).toInstant());
        await("every case has taken its pre-due reminder", () -> count(jdbc, reached) >= total
                && count(jdbc, "select count(*) from act_ru_job where duedate_ <= ?", Timestamp.from(clock.instant())) == 0);
        await("every contact of the day is delivered",
                () -> count(jdbc, "select count(*) from contact where status in ('QUEUED', 'DEFERRED')") == 0);
        Duration killedToDone = Duration.between(killed, Instant.now());

        List<Map<String, Object>> contacts = jdbc.sql("""
                select c.channel, c.idempotency_key, c.status from contact c join receivable r on r.id = c.receivable_id
                where r.external_id like 'killed-day-%'""").query().listOfRows();
        Map<String, Long> mailed = java.util.Arrays.stream(smtp.getReceivedMessages()).map(m -> {
            try {
                return m.getHeader("X-Regua-Contact")[0];
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.groupingBy(k -> k, Collectors.counting()));
        Map<String, Long> texted = gateway.countByIdempotencyKey();
        return new Outcome(accepted, count(jdbc, "select count(*) from receivable where external_id like 'killed-day-%'"),
                reachedWhenKilled, sentWhenKilled, leasedWhenKilled, lockedWhenKilled,
                count(jdbc, """
                        select count(*) from (select e.receivable_id from case_event e join receivable r on r.id = e.receivable_id
                        where r.external_id like 'killed-day-%' and e.stage = 'PRE_DUE_REMINDER' group by e.receivable_id
                        having count(*) <> 1) other_than_once"""),
                count(jdbc, "select count(*) from act_ru_incident"),
                contacts.stream().filter(c -> !"SENT".equals(c.get("status"))).count(),
                received(contacts, "EMAIL", mailed), received(contacts, "SMS", texted), killedToDone);
    }

    /** Each contact of the channel with how many times its server received it (0: never). */
    private static Map<String, Long> received(List<Map<String, Object>> contacts, String channel, Map<String, Long> byKey) {
        Set<String> keys = contacts.stream().filter(c -> channel.equals(c.get("channel"))).map(c -> (String) c.get("idempotency_key"))
                .collect(Collectors.toSet());
        return keys.stream().collect(Collectors.toMap(k -> k, k -> byKey.getOrDefault(k, 0L)));
    }

    private static ResponseEntity<JsonNode> batch(TestRestTemplate client, int from, int to) {
        String items = IntStream.range(from, to).mapToObj(i -> ClusterNodes.receivable("killed-day-" + i)).collect(Collectors.joining(","));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.postForEntity("/api/receivables/batch", new HttpEntity<>("{\"items\": [" + items + "]}", headers), JsonNode.class);
    }

    private static int created(ResponseEntity<JsonNode> answer) {
        if (answer.getStatusCode() != HttpStatus.OK) {
            throw new IllegalStateException("a batch was refused: " + answer);
        }
        return answer.getBody().get("created").asInt();
    }

    private void await(String what, BooleanSupplier done) throws InterruptedException {
        Instant until = Instant.now().plus(patience);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("not within " + patience + ": " + what);
            }
            Thread.sleep(250);
        }
    }

    private static long count(JdbcClient jdbc, String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Override
    public void close() throws Exception {
        if (dying != null && dying.process().isAlive()) {
            dying.kill();
        }
        if (survivor != null) {
            survivor.close();
        }
        smtp.stop();
        gateway.close();
    }
}
