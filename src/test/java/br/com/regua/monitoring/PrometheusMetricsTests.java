package br.com.regua.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import br.com.regua.policy.PolicyEngine;
import br.com.regua.security.Role;
import br.com.regua.support.PrometheusText;
import br.com.regua.support.ReguaSpringTests;

/**
 * What Prometheus scrapes after a small walk through the schedule: the portfolio by stage and status,
 * the steps and decisions with their latency histograms, the outbox and its age, the engine's due
 * jobs, the policy version and the failed sign-ins, each with a value that follows from the walk.
 */
class PrometheusMetricsTests extends ReguaSpringTests {

    @Autowired
    GaugeRefresher gauges;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyEngine policy;

    @Test
    void aScrapeAfterAWalkShowsTheScheduleWorking() {
        setClock("2026-03-10T10:00:00-03:00");
        PrometheusText before = scrape();
        // a backend listens for events at an address that does not answer (the worker does not run here)
        ResponseEntity<String> endpoint = as(Role.ADMIN).postForEntity("/api/webhooks", json("{\"url\": \"http://127.0.0.1:9/events\"}"),
                String.class);
        assertThat(endpoint.getStatusCode()).as(endpoint.getBody()).isEqualTo(HttpStatus.CREATED);

        for (String id : new String[] {"metrics-1", "metrics-2", "metrics-3"}) {
            ResponseEntity<String> created = as(Role.INTEGRATION).postForEntity("/api/receivables", json(receivable(id)), String.class);
            assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        }
        String caseId = caseOf("metrics-1").getId();
        int steps = 0;
        while (steps < 3 && fireNextTimer(caseId)) {
            steps++;
        }
        assertThat(steps).as("timers fired for metrics-1").isEqualTo(3);
        // someone guessing a password (of a user nobody has: a real one would be locked for the tests after this one)
        assertThat(anonymous().withBasicAuth("intruder", "wrong password").getForEntity("/api/session", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // two hours on: the queued messages (no channel is configured here) have waited that long, and
        // the other cases' first timers are due but not fired
        clock.moveTo(clock.instant().plusSeconds(7200 + 60));
        gauges.countNow();

        PrometheusText after = scrape();
        String stage = jdbc.sql("select stage from receivable where external_id = 'metrics-1'").query(String.class).single();
        assertThat(after.sum("regua_cases", Map.of("stage", stage, "status", "OPEN"))).isGreaterThanOrEqualTo(1);
        assertThat(after.sum("regua_cases", Map.of("status", "OPEN"))).isGreaterThanOrEqualTo(3);

        double stepsRun = after.sum("regua_steps_seconds_count") - before.sum("regua_steps_seconds_count");
        assertThat(stepsRun).as("stage tasks run in the walk").isGreaterThanOrEqualTo(1);
        assertThat(after.samples("regua_steps_seconds_bucket", Map.of("le", "+Inf"))).isNotEmpty();
        double decisions = after.sum("regua_decisions_seconds_count", Map.of("outcome", "decided"))
                - before.sum("regua_decisions_seconds_count", Map.of("outcome", "decided"));
        assertThat(decisions).as("policy evaluations: at least one per registration and per step").isGreaterThanOrEqualTo(3 + stepsRun);
        assertThat(after.samples("regua_decisions_seconds_bucket", Map.of("outcome", "decided"))).hasSizeGreaterThan(5);

        assertThat(after.sum("regua_contacts", Map.of("channel", "EMAIL", "status", "QUEUED"))).isGreaterThanOrEqualTo(1);
        assertThat(after.sum("regua_contacts_waiting")).isGreaterThanOrEqualTo(1);
        assertThat(after.sum("regua_contacts_due")).isGreaterThanOrEqualTo(1);
        assertThat(after.sum("regua_contacts_oldest_due_age_seconds")).isGreaterThanOrEqualTo(7200);
        assertThat(after.samples("regua_contacts_deliveries_total", Map.of("channel", "SMS", "outcome", "sent"))).hasSize(1);

        assertThat(after.sum("regua_webhooks_due")).as("the registrations and steps announced").isGreaterThanOrEqualTo(3);
        assertThat(after.sum("regua_webhooks_oldest_due_age_seconds")).isGreaterThanOrEqualTo(7200);
        assertThat(after.sum("regua_webhooks_deliveries", Map.of("status", "PENDING"))).isGreaterThanOrEqualTo(3);
        assertThat(after.sum("regua_webhooks_endpoints", Map.of("status", "ACTIVE"))).isGreaterThanOrEqualTo(1);
        // a status with nothing in it still shows, at zero, so the dashboard and alerts have a line from the start
        assertThat(after.samples("regua_webhooks_endpoints", Map.of("status", "PAUSED"))).hasSize(1);
        jdbc.sql("delete from webhook_endpoint").update(); // its deliveries go with it: no other test hears of them

        assertThat(after.sum("regua_jobs_due")).as("the other cases' first timers").isGreaterThanOrEqualTo(2)
                .isEqualTo(management.createJobQuery().executable().active().count());
        assertThat(after.sum("regua_jobs_oldest_due_age_seconds")).as("due since they were made, two hours ago or more")
                .isGreaterThanOrEqualTo(7200);
        assertThat(after.samples("regua_jobs_failed", Map.of())).hasSize(1);
        // the job executor is off in these tests: its counters are there, at zero
        assertThat(after.samples("regua_job_executor_total", Map.of("event", "acquisition-attempt"))).hasSize(1);
        assertThat(after.samples("regua_incidents", Map.of("type", "failedJob"))).hasSize(1);
        assertThat(after.sum("regua_policy_active_version")).isEqualTo(policy.active().number());
        assertThat(after.sum("regua_logins_failed_total") - before.sum("regua_logins_failed_total")).isGreaterThanOrEqualTo(1);
    }

    private PrometheusText scrape() {
        ResponseEntity<String> scrape = as(Role.MONITORING).getForEntity("/actuator/prometheus", String.class);
        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        return PrometheusText.parse(scrape.getBody());
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    /** Due ten days after the clock's day. */
    private static String receivable(String id) {
        return """
                {"externalId": "%1$s",
                 "customer": {"externalId": "cust-%1$s", "name": "Maria da Silva", "document": "529.982.247-25",
                              "type": "CONSUMER", "email": "maria@example.com", "phone": "+55 11 98765-4321", "state": "SP"},
                 "amount": "1500.00", "issueDate": "2026-03-01", "dueDate": "2026-03-20"}""".formatted(id);
    }
}
