package br.com.regua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import br.com.regua.policy.CompiledPolicy;
import br.com.regua.policy.PolicyStore;
import br.com.regua.policy.PolicyWorkbench;
import br.com.regua.security.Role;
import br.com.regua.support.ReguaSpringTests;

/**
 * Champion/challenger over real HTTP: a credit manager starts an experiment of a saved version on a
 * share of the new cases; each case registered while it runs is drawn once, decided by its arm's
 * version, and the report compares the arms. Every test stops what it started: the server is shared.
 */
class ExperimentApiTests extends ReguaSpringTests {

    @Autowired
    PolicyWorkbench workbench;
    @Autowired
    PolicyStore store;

    TestRestTemplate manager;
    TestRestTemplate backend;
    final List<Long> started = new ArrayList<>();

    @BeforeEach
    void signIn() {
        manager = as(Role.CREDIT_MANAGER);
        backend = as(Role.INTEGRATION);
        setClock("2026-03-02T10:00:00-03:00");
    }

    @AfterEach
    void stopWhatWasStarted() {
        // a stop takes only before an experiment ends, and the first test moves the clock past it: an experiment left
        // unstopped would overlap the next test's and refuse it
        setClock("2026-03-02T10:00:00-03:00");
        started.forEach(id -> manager.postForEntity("/api/experiments/" + id + "/stop", null, JsonNode.class));
    }

    /** A version saved beside the active one, never activated (a proposal), with the same rules and one more comment. */
    private int challengerVersion() {
        java.util.SortedMap<String, String> files = new TreeMap<>(workbench.active().files());
        String drl = files.keySet().stream().filter(f -> f.endsWith(".drl")).findFirst().orElseThrow();
        files.put(drl, files.get(drl) + "\n// a challenger " + System.nanoTime() + "\n");
        return store.save(files, CompiledPolicy.hash(files), "experiment-tests", "a challenger",
                java.time.OffsetDateTime.now(clock)).number();
    }

    private ResponseEntity<JsonNode> start(String body) {
        ResponseEntity<JsonNode> response = post(manager, "/api/experiments", body);
        if (response.getStatusCode() == HttpStatus.CREATED) {
            started.add(response.getBody().get("id").asLong());
        }
        return response;
    }

    private String experiment(int challenger, int share, String segment) {
        return """
                {"name": "Grace on trial", "challengerVersion": %d, "sharePercent": %d, %s
                 "startsAt": "2026-03-02T09:00:00-03:00", "endsAt": "2026-03-03T00:00:00-03:00"}"""
                .formatted(challenger, share, segment == null ? "" : "\"segment\": \"" + segment + "\",");
    }

    @Test
    void newCasesAreDrawnCloseToTheShareAskedAndEachIsDecidedByItsArmsVersionForItsWholeLife() {
        int champion = workbench.active().number();
        int challenger = challengerVersion();
        ResponseEntity<JsonNode> made = start(experiment(challenger, 30, null));
        assertThat(made.getStatusCode()).as(String.valueOf(made.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(made.getBody().get("championVersion").asInt()).isEqualTo(champion);
        assertThat(made.getBody().get("status").asText()).isEqualTo("RUNNING");
        long id = made.getBody().get("id").asLong();

        int cases = 200;
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < cases; i++) {
            items.append(i == 0 ? "" : ",").append(ReceivableApiTests.body("exp-" + id + "-" + i));
        }
        assertThat(post(backend, "/api/receivables/batch", "{\"items\": [" + items + "]}").getStatusCode().is2xxSuccessful()).isTrue();

        List<String> challengers = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            String externalId = "exp-" + id + "-" + i;
            JsonNode decisions = manager.getForEntity("/api/receivables/" + externalId + "/decisions", JsonNode.class).getBody();
            JsonNode first = decisions.get(0);
            int version = first.get("policyNumber").asInt();
            assertThat(version).as(externalId).isIn(champion, challenger);
            JsonNode view = manager.getForEntity("/api/receivables/" + externalId, JsonNode.class).getBody();
            String arm = version == challenger ? "challenger" : "champion";
            assertThat(view.get("timeline").toString()).as(externalId).contains("drawn to the " + arm + " of experiment " + id
                    + ", decided by policy version " + version);
            if (version == challenger) {
                challengers.add(externalId);
            }
        }
        // 200 draws at 30%: 60 expected, a standard deviation of 6.5; five of them either side cannot fail by chance
        assertThat(challengers.size()).isBetween(28, 92);

        // the what-if of any edit leaves the drawn cases out: no activation reaches them
        String drl = workbench.active().files().keySet().stream().filter(f -> f.endsWith(".drl")).findFirst().orElseThrow();
        JsonNode whatIf = post(manager, "/api/policy/simulate", new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .set("files", new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                        .put(drl, workbench.active().files().get(drl) + "\n// an edit\n")).toString()).getBody();
        assertThat(whatIf.at("/report/inExperiments").asInt()).as(String.valueOf(whatIf)).isGreaterThanOrEqualTo(cases);

        // a later decision of a challenger case, with the champion still active, is still the challenger's
        String one = challengers.get(0);
        setClock("2026-03-20T10:00:00-03:00");
        fireNextTimer(caseOf(one).getId());
        JsonNode decisions = manager.getForEntity("/api/receivables/" + one + "/decisions", JsonNode.class).getBody();
        assertThat(decisions.size()).isGreaterThan(1);
        decisions.forEach(d -> assertThat(d.get("policyNumber").asInt()).as(d.toString()).isEqualTo(challenger));

        // every challenger case pays in full, no champion case does: the report says the challenger recovers more
        for (String c : challengers) {
            JsonNode owed = manager.getForEntity("/api/receivables/" + c, JsonNode.class).getBody().get("charges").get("total");
            assertThat(post(backend, "/api/payments", """
                    {"externalId": "pay-%1$s", "receivableExternalId": "%1$s", "amount": "%2$s", "method": "PIX",
                     "paidAt": "2026-03-20T10:00:00-03:00"}""".formatted(c, owed.asText())).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        JsonNode report = as(Role.ANALYST).getForEntity("/api/reports/experiments/" + id, JsonNode.class).getBody();
        assertThat(report.at("/challenger/cases").asInt()).isEqualTo(challengers.size());
        assertThat(report.at("/champion/cases").asInt()).isEqualTo(cases - challengers.size());
        assertThat(report.at("/challenger/cured").asInt()).isEqualTo(challengers.size());
        assertThat(report.at("/champion/cured").asInt()).isZero();
        assertThat(dec(report, "/challenger/recovered")).isEqualByComparingTo(
                new java.math.BigDecimal("1500.00").multiply(java.math.BigDecimal.valueOf(challengers.size())));
        assertThat(dec(report, "/challenger/recoveryRate/value")).isEqualByComparingTo("100.00");
        assertThat(dec(report, "/champion/recoveryRate/value")).isEqualByComparingTo("0.00");
        assertThat(dec(report, "/challenger/cureRate/low")).isLessThan(dec(report, "/challenger/cureRate/value"));
        assertThat(report.at("/cure/significant").asBoolean()).isTrue();
        assertThat(report.get("verdict").asText()).contains("significant at the 5% level",
                "the challenger recovers more; promoting it is activating version " + challenger);
    }

    @Test
    void anExperimentOfOneSegmentLeavesTheOthersToTheActiveVersion() {
        int challenger = challengerVersion();
        long id = start(experiment(challenger, 99, "GOOD_PAYER")).getBody().get("id").asLong();

        // a customer Régua has never seen is a new customer, not a good payer
        assertThat(post(backend, "/api/receivables", ReceivableApiTests.body("exp-seg-" + id)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode decisions = manager.getForEntity("/api/receivables/exp-seg-" + id + "/decisions", JsonNode.class).getBody();
        assertThat(decisions.get(0).get("policyNumber").asInt()).isEqualTo(workbench.active().number());
        JsonNode report = manager.getForEntity("/api/reports/experiments/" + id, JsonNode.class).getBody();
        assertThat(report.at("/champion/cases").asInt() + report.at("/challenger/cases").asInt()).isZero();
        assertThat(report.get("verdict").asText()).startsWith("Too few cases to compare yet");
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndStartNothing() {
        int challenger = challengerVersion();
        refused(start(experiment(challenger, 0, null)), HttpStatus.BAD_REQUEST, "sharePercent");
        refused(start(experiment(challenger, 100, null)), HttpStatus.BAD_REQUEST, "sharePercent");
        refused(start(experiment(challenger, 20, "VIP")), HttpStatus.BAD_REQUEST, "segment");
        refused(start("""
                {"name": "no end", "challengerVersion": %d, "sharePercent": 20}""".formatted(challenger)), HttpStatus.BAD_REQUEST, "endsAt");
        refused(start(experiment(workbench.active().number(), 20, null)), HttpStatus.UNPROCESSABLE_ENTITY, "challengerVersion");
        refused(start(experiment(99_999, 20, null)), HttpStatus.UNPROCESSABLE_ENTITY, "challengerVersion");
        assertThat(started).as("nothing started").isEmpty();

        long id = start(experiment(challenger, 20, null)).getBody().get("id").asLong();
        refused(start(experiment(challenger, 20, null)), HttpStatus.CONFLICT, "startsAt", "one experiment at a time");
        ResponseEntity<JsonNode> stopped = manager.postForEntity("/api/experiments/" + id + "/stop", null, JsonNode.class);
        assertThat(stopped.getBody().get("status").asText()).isEqualTo("ENDED");
        refused(manager.postForEntity("/api/experiments/" + id + "/stop", null, JsonNode.class), HttpStatus.CONFLICT, "id");
        assertThat(manager.getForEntity("/api/experiments/424242", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(manager.getForEntity("/api/experiments", JsonNode.class).getBody().toString()).contains("\"id\":" + id);
    }

    private static void refused(ResponseEntity<JsonNode> response, HttpStatus status, String field, String... detail) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().toString()).contains("\"" + field + "\"");
        if (detail.length > 0) {
            assertThat(response.getBody().get("detail").asText()).contains(detail);
        }
    }

    /** Money and rates come as strings, so that no client reads them as binary floating point. */
    private static java.math.BigDecimal dec(JsonNode report, String pointer) {
        return new java.math.BigDecimal(report.at(pointer).asText());
    }

    private static ResponseEntity<JsonNode> post(TestRestTemplate http, String path, String content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(content, headers), JsonNode.class);
    }
}
