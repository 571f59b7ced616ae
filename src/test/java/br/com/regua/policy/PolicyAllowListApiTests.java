package br.com.regua.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.schedule.SimulationClock;
import br.com.regua.security.Role;
import br.com.regua.support.TestUsers;

/**
 * A policy file that acts instead of deciding, sent over HTTP or dropped in the rules directory:
 * refused like a file that does not compile, with its file and line, never run, and the active
 * version keeps deciding.
 */
class PolicyAllowListApiTests extends PolicySpringTests {

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    IdentityService identity;
    /** an administrator: registers cases and changes the policy; the test is about what a file may do, not roles */
    TestRestTemplate http;

    @BeforeEach
    void signIn() {
        http = TestUsers.as(Role.ADMIN, identity, anonymous);
    }
    @Autowired
    ObjectMapper json;
    @Autowired
    PolicyWorkbench workbench;
    @Autowired
    SimulationClock simulationClock;

    @TempDir
    Path tmp;

    /** A rule that fires on every case and writes a file on line 7 (the scenarios would run it). */
    String probe(Path target) {
        return """
                package br.com.regua.policy;

                rule "Probe: a policy file that writes a file"
                when
                    CaseFacts()
                then
                    java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "x");
                end
                """.formatted(target.toString().replace('\\', '/'));
    }

    @Test
    void validateSimulateAndActivateRefuseAProbeThatWritesAFileWithItsFileAndLineAndWriteNothing() {
        int before = activeNumber();
        Path target = tmp.resolve("written-over-http.txt");
        String files = body(Map.of("probe.drl", probe(target)));

        ResponseEntity<JsonNode> validate = send(HttpMethod.POST, "/api/policy/validate", files);
        ResponseEntity<JsonNode> simulate = send(HttpMethod.POST, "/api/policy/simulate", files);
        ResponseEntity<JsonNode> activate = send(HttpMethod.PUT, "/api/policy", files);

        for (ResponseEntity<JsonNode> response : List.of(validate, simulate, activate)) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody().get("type").asText()).endsWith("/policy-does-not-compile");
            JsonNode error = response.getBody().get("errors").get(0);
            assertThat(error.get("file").asText()).isEqualTo("probe.drl");
            assertThat(error.get("line").asInt()).isEqualTo(7);
            assertThat(error.get("column").asInt()).isEqualTo(5);
            assertThat(error.get("message").asText())
                    .isEqualTo("java.nio.file.Files is not allowed in a policy file: rules may only read facts and decide");
        }
        assertThat(target).doesNotExist();
        assertThat(activeNumber()).isEqualTo(before);
        assertThat(get("/api/policy").getBody().get("fileNames")).extracting(JsonNode::asText).doesNotContain("probe.drl");
    }

    @Test
    void aProbeDroppedInTheRulesDirectoryIsRefusedAndTheActiveVersionKeepsDeciding() throws Exception {
        int before = activeNumber();
        Path target = tmp.resolve("written-by-hot-reload.txt");
        Path dropped = RULES.resolve("probe.drl");

        // whole or not at all: the watcher must not take in a half-written file
        Path part = Files.writeString(RULES.resolve("probe.drl.part"), probe(target));
        Files.move(part, dropped, StandardCopyOption.ATOMIC_MOVE);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !workbench.directoryStatus().accepted());
            JsonNode health = get("/actuator/health").getBody().get("components").get("policy");
            assertThat(health.get("details").get("rulesDirectory").asText()).isEqualTo("edit refused");
            assertThat(health.get("details").get("errors").get(0).asText()).isEqualTo(
                    "probe.drl:7: java.nio.file.Files is not allowed in a policy file: rules may only read facts and decide");
            assertThat(activeNumber()).isEqualTo(before);

            // a new case is decided by the running version, and nothing of the probe ran
            assertThat(send(HttpMethod.POST, "/api/receivables", PolicyWorkbenchTests.receivable("allow-list-1")).getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
            JsonNode decision = get("/api/receivables/allow-list-1/decisions").getBody().get(0);
            assertThat(decision.get("policyNumber").asInt()).isEqualTo(before);
            assertThat(decision.get("rulesFired")).extracting(JsonNode::asText)
                    .isNotEmpty().doesNotContain("Probe: a policy file that writes a file");
            assertThat(target).doesNotExist();
        } finally {
            Files.delete(dropped);
        }

        // taken back, the directory is in sync again
        await().atMost(Duration.ofSeconds(10)).until(() -> workbench.directoryStatus().accepted());
        assertThat(get("/actuator/health").getBody().get("components").get("policy").get("details").get("rulesDirectory").asText())
                .isEqualTo("in sync");
        assertThat(activeNumber()).isEqualTo(before);
        assertThat(target).doesNotExist();
    }

    // --- helpers

    /** A fixed Wednesday, so that what is overdue does not depend on the day the tests run. */
    @BeforeEach
    void wednesday() {
        simulationClock.moveTo(OffsetDateTime.parse("2026-11-25T10:00:00-03:00").toInstant());
    }

    /** Each test starts from the default policy, whatever the one before it left active. */
    @AfterEach
    void backToTheDefaultPolicy() {
        if (workbench.active().number() != 1) {
            workbench.activate(1, "tests", "back to the default policy");
        }
    }

    String body(Map<String, String> files) {
        Map<String, Object> body = new HashMap<>();
        body.put("comment", "probe");
        body.put("files", files);
        try {
            return json.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    int activeNumber() {
        return get("/api/policy").getBody().get("number").asInt();
    }

    ResponseEntity<JsonNode> get(String path) {
        return http.getForEntity(path, JsonNode.class);
    }

    ResponseEntity<JsonNode> send(HttpMethod method, String path, String body) {
        return PolicyWorkbenchTests.send(http, method, path, body);
    }
}
