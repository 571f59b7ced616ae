package br.com.regua.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.schedule.SimulationClock;
import br.com.regua.security.Role;
import br.com.regua.support.TestUsers;

/**
 * Scheduled activation over real HTTP: a credit manager sets an edit to take effect at a date and
 * time; until then it is pending (listed, cancellable) and decisions name the version in force;
 * from then on they name the new one. Bad input is refused at its field and stores nothing.
 */
class PolicyScheduleTests extends PolicySpringTests {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-25T10:00:00-03:00");
    static final String FIRST_OF_DECEMBER = "2026-12-01T00:00:00-03:00";

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    IdentityService identity;
    @Autowired
    ObjectMapper json;
    @Autowired
    PolicyWorkbench workbench;
    @Autowired
    PolicyStore store;
    @Autowired
    SimulationClock simulationClock;
    TestRestTemplate http;
    TestRestTemplate backend;

    @BeforeEach
    void signInOnAWednesday() {
        http = TestUsers.as(Role.CREDIT_MANAGER, identity, anonymous);
        backend = TestUsers.as(Role.INTEGRATION, identity, anonymous);
        simulationClock.moveTo(NOW.toInstant());
    }

    /** Nothing scheduled here may take effect in another test, and each starts from the default policy. */
    @AfterEach
    void cancelWhatIsPendingAndGoBack() {
        store.schedules().stream().filter(PolicySchedule::pending).forEach(s -> workbench.cancelSchedule(s.id(), "tests"));
        if (workbench.active().number() != 1) {
            workbench.activate(1, "tests", "back to the default policy");
        }
        simulationClock.moveTo(NOW.toInstant());
    }

    @Test
    void anEditSetForTheFirstOfTheMonthIsPendingUntilThenAndDecidesTheCasesFromThen() throws Exception {
        int before = workbench.active().number();
        // new customers with a December due date get three days of grace, with its scenario
        ResponseEntity<JsonNode> put = send(HttpMethod.PUT, "/api/policy", json.writeValueAsString(Map.of(
                "comment", "three days for new customers in December",
                "files", Map.of("season.drl", PolicyWorkbenchTests.SEASON_DRL, "scenarios/season.csv", PolicyWorkbenchTests.SEASON_CSV),
                "effectiveAt", FIRST_OF_DECEMBER)));

        // accepted: stored, not yet in force
        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        int scheduled = put.getBody().get("number").asInt();
        assertThat(put.getBody().get("active").asBoolean()).isFalse();
        assertThat(workbench.active().number()).isEqualTo(before);
        JsonNode pending = send(HttpMethod.GET, "/api/policy/schedules", null).getBody().get(0);
        assertThat(pending.get("version").asInt()).isEqualTo(scheduled);
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        assertThat(OffsetDateTime.parse(pending.get("effectiveAt").asText())).isEqualTo(OffsetDateTime.parse(FIRST_OF_DECEMBER));
        assertThat(pending.get("author").asText()).isEqualTo(TestUsers.user(Role.CREDIT_MANAGER));

        // a case decided before the date: the version in force
        register("schedule-before");
        JsonNode decidedBefore = decision("schedule-before");
        assertThat(decidedBefore.get("policyNumber").asInt()).isEqualTo(before);
        assertThat(decidedBefore.get("outputs").get("graceDays").asInt()).isEqualTo(1);

        simulationClock.moveTo(OffsetDateTime.parse(FIRST_OF_DECEMBER).plusMinutes(1).toInstant());
        await().atMost(Duration.ofSeconds(10)).until(() -> workbench.active().number() == scheduled);

        assertThat(send(HttpMethod.GET, "/api/policy/schedules", null).getBody().get(0).get("status").asText()).isEqualTo("ACTIVATED");
        assertThat(send(HttpMethod.GET, "/api/policy", null).getBody().get("number").asInt()).isEqualTo(scheduled);
        register("schedule-after");
        JsonNode decidedAfter = decision("schedule-after");
        assertThat(decidedAfter.get("policyNumber").asInt()).isEqualTo(scheduled);
        assertThat(decidedAfter.get("outputs").get("graceDays").asInt()).isEqualTo(3);
    }

    @Test
    void aCancelledScheduleNeverTakesEffect() {
        int active = workbench.active().number();
        ResponseEntity<JsonNode> created = send(HttpMethod.POST, "/api/policy/versions/" + active + "/schedule",
                "{\"effectiveAt\": \"" + FIRST_OF_DECEMBER + "\", \"comment\": \"the same again\"}");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = created.getBody().get("id").asLong();
        long activations = store.lastActivationId();

        ResponseEntity<JsonNode> cancelled = send(HttpMethod.DELETE, "/api/policy/schedules/" + id, null);

        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cancelled.getBody().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.getBody().get("closedBy").asText()).isEqualTo(TestUsers.user(Role.CREDIT_MANAGER));
        simulationClock.moveTo(OffsetDateTime.parse(FIRST_OF_DECEMBER).plusMinutes(1).toInstant());
        workbench.activateDue();
        assertThat(store.lastActivationId()).as("no activation").isEqualTo(activations);
        // once closed, it stays closed
        ResponseEntity<JsonNode> again = send(HttpMethod.DELETE, "/api/policy/schedules/" + id, null);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("field").asText()).isEqualTo("id");
        assertThat(send(HttpMethod.DELETE, "/api/policy/schedules/999999", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aTimeInThePastOrNoneOrAnUnknownVersionIsRefusedAndNothingIsScheduled() {
        int active = workbench.active().number();
        int schedules = store.schedules().size();
        int versions = store.versions().size();

        ResponseEntity<JsonNode> past = send(HttpMethod.POST, "/api/policy/versions/" + active + "/schedule",
                "{\"effectiveAt\": \"2026-11-01T00:00:00-03:00\"}");
        ResponseEntity<JsonNode> none = send(HttpMethod.POST, "/api/policy/versions/" + active + "/schedule", "{\"comment\": \"when?\"}");
        ResponseEntity<JsonNode> unknown = send(HttpMethod.POST, "/api/policy/versions/999/schedule",
                "{\"effectiveAt\": \"" + FIRST_OF_DECEMBER + "\"}");
        ResponseEntity<JsonNode> pastEdit = send(HttpMethod.PUT, "/api/policy",
                "{\"files\": {\"scenarios/x.csv\": \"scenario;amount;days overdue;expected segment\\na;10;0;NEW_CUSTOMER\\n\"},"
                        + " \"effectiveAt\": \"2026-11-25T09:59:00-03:00\"}");

        assertThat(past.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(past.getBody().get("field").asText()).isEqualTo("effectiveAt");
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(none.getBody().get("field").asText()).isEqualTo("effectiveAt");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(pastEdit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(pastEdit.getBody().get("field").asText()).isEqualTo("effectiveAt");
        assertThat(store.schedules()).hasSize(schedules);
        assertThat(workbench.active().number()).isEqualTo(active);
        assertThat(store.versions()).as("no version stored").hasSize(versions);
    }

    void register(String id) {
        assertThat(PolicyWorkbenchTests.send(backend, HttpMethod.POST, "/api/receivables", PolicyWorkbenchTests.receivable(id))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    JsonNode decision(String id) {
        return http.getForEntity("/api/receivables/" + id + "/decisions", JsonNode.class).getBody().get(0);
    }

    ResponseEntity<JsonNode> send(HttpMethod method, String path, String body) {
        return PolicyWorkbenchTests.send(http, method, path, body);
    }
}
