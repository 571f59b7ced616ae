package br.com.regua.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The policy workbench over real HTTP, on its own server with its own copy of the rules directory
 * (edited here to prove hot reload) and its own database: versions, edits that are compiled and
 * tested before they go live, roll back, decisions naming their version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:regua-policy-tests;DB_CLOSE_DELAY=-1",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.generate-unique-process-application-name=true",
        "camunda.bpm.job-execution.enabled=false",
        "regua.policy.reload-interval=PT0.2S"})
@ActiveProfiles("simulation")
class PolicyWorkbenchTests {

    static final Path RULES = copyOfTheRules();

    @DynamicPropertySource
    static void rulesDirectory(DynamicPropertyRegistry registry) {
        registry.add("regua.rules-dir", RULES::toString);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    PolicyStore store;
    @Autowired
    PolicyWorkbench workbench;
    @Autowired
    Clock clock;

    static final String NEW_CUSTOMER_GRACE = "insert(new GracePeriod(1));";
    static final String SEGMENTATION_NEW_CUSTOMER = "never paid anything: new customer;1500.00;0;0;0;0;0;0;NEW_CUSTOMER;1;";

    @Test
    void theFirstStartTakesInTheRulesDirectoryAsVersionOne() {
        JsonNode first = get("/api/policy/versions/1").getBody();

        assertThat(first.get("author").asText()).isEqualTo("rules directory");
        assertThat(first.get("fileNames")).extracting(JsonNode::asText).contains("grace.drl", "scenarios/segmentation.csv");
        assertThat(first.get("files").get("grace.drl").asText()).contains("rule \"New customers get one day of grace\"");
    }

    @Test
    void anEditIsCompiledTestedAndActivatedAsANewVersionThatTakesTheNextDecisions() throws Exception {
        int before = activeNumber();

        ResponseEntity<JsonNode> put = send(HttpMethod.PUT, "/api/policy", threeDaysForNewCustomers("Ana", "new customers need more time"));

        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        int number = put.getBody().get("number").asInt();
        assertThat(number).isGreaterThan(before);
        assertThat(put.getBody().get("active").asBoolean()).isTrue();
        assertThat(put.getBody().get("author").asText()).isEqualTo("Ana");
        assertThat(put.getBody().get("scenariosRun").asInt()).isPositive();
        assertThat(activeNumber()).isEqualTo(number);

        String id = register("policy-edit-1");
        JsonNode decision = get("/api/receivables/" + id + "/decisions").getBody().get(0);
        assertThat(decision.get("policyNumber").asInt()).isEqualTo(number);
        assertThat(decision.get("outputs").get("graceDays").asInt()).isEqualTo(3);
        assertThat(decision.get("inputs").get("history").get("paidOnTime").asInt()).isZero();
        assertThat(decision.get("rulesFired")).extracting(JsonNode::asText).contains("New customers get one day of grace");

        JsonNode version = get("/api/policy/versions/" + number).getBody();
        assertThat(version.get("previous").asInt()).isEqualTo(number - 1);
        assertThat(version.get("changes").findValuesAsText("file")).contains("grace.drl");
        assertThat(version.get("changes").findValuesAsText("diff")).anySatisfy(diff -> assertThat(diff)
                .contains("-    " + NEW_CUSTOMER_GRACE).contains("+    insert(new GracePeriod(3));"));
        restoreVersion(before);
    }

    @Test
    void aFileThatDoesNotCompileIsRefusedWithItsLineAndTheActiveVersionStays() {
        int before = activeNumber();
        String broken = workbench.active().files().get("grace.drl").replace("InSegment( segment == Segment.RISKY )",
                "InSegment( segment == Segment.RISKY ");

        ResponseEntity<JsonNode> put = send(HttpMethod.PUT, "/api/policy", change("Ana", Map.of("grace.drl", broken)));

        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(put.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode error = put.getBody().get("errors").get(0);
        assertThat(error.get("file").asText()).isEqualTo("grace.drl");
        assertThat(error.get("line").asInt()).isPositive();
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.has("column")).isTrue();
        assertThat(activeNumber()).isEqualTo(before);
    }

    @Test
    void anEditThatBreaksAScenarioIsRefusedWithExpectedAndActual() {
        int before = activeNumber();
        String grace = workbench.active().files().get("grace.drl").replace(NEW_CUSTOMER_GRACE, "insert(new GracePeriod(3));");

        ResponseEntity<JsonNode> put = send(HttpMethod.PUT, "/api/policy", change("Ana", Map.of("grace.drl", grace)));

        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(put.getBody().get("type").asText()).endsWith("/policy-scenarios-failed");
        JsonNode failure = put.getBody().get("failures").get(0);
        assertThat(failure.get("file").asText()).isEqualTo("scenarios/segmentation.csv");
        assertThat(failure.get("check").asText()).isEqualTo("grace days");
        assertThat(failure.get("expected").asText()).isEqualTo("1");
        assertThat(failure.get("actual").asText()).isEqualTo("3");
        assertThat(activeNumber()).isEqualTo(before);
    }

    @Test
    void validateCompilesAndRunsTheScenariosWithoutActivating() {
        int before = activeNumber();

        ResponseEntity<JsonNode> ok = send(HttpMethod.POST, "/api/policy/validate", threeDaysForNewCustomers(null, null));
        ResponseEntity<JsonNode> failing = send(HttpMethod.POST, "/api/policy/validate",
                change(null, Map.of("grace.drl", workbench.active().files().get("grace.drl").replace(NEW_CUSTOMER_GRACE,
                        "insert(new GracePeriod(3));"))));

        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ok.getBody().get("valid").asBoolean()).isTrue();
        assertThat(ok.getBody().get("scenariosRun").asInt()).isPositive();
        assertThat(failing.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(activeNumber()).isEqualTo(before);
    }

    @Test
    void badRequestsNameTheFieldAndChangeNothing() {
        int before = activeNumber();

        ResponseEntity<JsonNode> noAuthor = send(HttpMethod.PUT, "/api/policy", threeDaysForNewCustomers(" ", null));
        ResponseEntity<JsonNode> badName = send(HttpMethod.PUT, "/api/policy", change("Ana", Map.of("../grace.drl", "x")));
        ResponseEntity<JsonNode> noFiles = send(HttpMethod.PUT, "/api/policy", change("Ana", Map.of()));
        ResponseEntity<JsonNode> unknown = send(HttpMethod.POST, "/api/policy/versions/9999/activate", null);

        assertThat(noAuthor.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noAuthor.getBody().get("field").asText()).isEqualTo("author");
        assertThat(badName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badName.getBody().get("field").asText()).isEqualTo("files.../grace.drl");
        assertThat(noFiles.getBody().get("field").asText()).isEqualTo("files");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(activeNumber()).isEqualTo(before);
    }

    @Test
    void rollingBackRestoresTheOldDecisionsAndANewStartKeepsTheActiveVersion() throws Exception {
        int before = activeNumber();
        int edited = send(HttpMethod.PUT, "/api/policy", threeDaysForNewCustomers("Ana", "try three days")).getBody()
                .get("number").asInt();

        ResponseEntity<JsonNode> rollBack = send(HttpMethod.POST, "/api/policy/versions/" + before + "/activate",
                "{\"author\": \"Bruno\", \"comment\": \"back to one day\"}");

        assertThat(rollBack.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(activeNumber()).isEqualTo(before);
        String id = register("policy-rollback-1");
        JsonNode decision = get("/api/receivables/" + id + "/decisions").getBody().get(0);
        assertThat(decision.get("policyNumber").asInt()).isEqualTo(before);
        assertThat(decision.get("outputs").get("graceDays").asInt()).isEqualTo(1);
        assertThat(get("/api/policy/versions").getBody().findValuesAsText("number")).contains(String.valueOf(edited));

        // what a restart does: the database's active version wins over the directory
        assertThat(InitialPolicy.load(store, Path.of("no-such-directory"), clock).number()).isEqualTo(before);
    }

    @Test
    void anEditInTheRulesDirectoryGoesLiveWithinSecondsAndABrokenOneIsRefused() throws Exception {
        int before = activeNumber();
        Path grace = RULES.resolve("grace.drl");
        Path segmentation = RULES.resolve("scenarios/segmentation.csv");
        String original = Files.readString(grace);
        String originalScenarios = Files.readString(segmentation);

        Files.writeString(grace, original.replace("InSegment( segment == Segment.RISKY )", "InSegment( segment == Segment.RISKY "));
        await().atMost(Duration.ofSeconds(10)).until(() -> !workbench.directoryStatus().accepted());
        JsonNode health = get("/actuator/health").getBody().get("components").get("policy");
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("details").get("rulesDirectory").asText()).isEqualTo("edit refused");
        assertThat(health.get("details").get("errors").get(0).asText()).startsWith("grace.drl:");
        assertThat(activeNumber()).isEqualTo(before);

        Files.writeString(segmentation, originalScenarios.replace(SEGMENTATION_NEW_CUSTOMER,
                SEGMENTATION_NEW_CUSTOMER.replace("NEW_CUSTOMER;1;", "NEW_CUSTOMER;3;")));
        Files.writeString(grace, original.replace(NEW_CUSTOMER_GRACE, "insert(new GracePeriod(3));"));
        await().atMost(Duration.ofSeconds(10)).until(() -> activeNumber() != before);
        JsonNode active = get("/api/policy").getBody();
        assertThat(active.get("author").asText()).isEqualTo("rules directory");
        assertThat(active.get("comment").asText()).contains("grace.drl", "scenarios/segmentation.csv");
        assertThat(workbench.directoryStatus().accepted()).isTrue();

        Files.writeString(grace, original);
        Files.writeString(segmentation, originalScenarios);
        await().atMost(Duration.ofSeconds(10)).until(() -> workbench.active().files().get("grace.drl").equals(original)
                && workbench.active().files().get("scenarios/segmentation.csv").equals(originalScenarios));
    }

    // --- helpers

    String threeDaysForNewCustomers(String author, String comment) {
        Map<String, String> files = workbench.active().files();
        return change(author, Map.of(
                "grace.drl", files.get("grace.drl").replace(NEW_CUSTOMER_GRACE, "insert(new GracePeriod(3));"),
                "scenarios/segmentation.csv", files.get("scenarios/segmentation.csv").replace(SEGMENTATION_NEW_CUSTOMER,
                        SEGMENTATION_NEW_CUSTOMER.replace("NEW_CUSTOMER;1;", "NEW_CUSTOMER;3;"))), comment);
    }

    String change(String author, Map<String, String> files) {
        return change(author, files, null);
    }

    String change(String author, Map<String, String> files, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("author", author);
        body.put("comment", comment);
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

    void restoreVersion(int number) {
        assertThat(send(HttpMethod.POST, "/api/policy/versions/" + number + "/activate", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    String register(String id) {
        String body = """
                {"externalId": "%s",
                 "customer": {"externalId": "cust-%s", "name": "Maria Souza", "document": "529.982.247-25",
                              "type": "CONSUMER", "email": "maria@example.com", "state": "SP"},
                 "amount": "800.00", "issueDate": "2026-11-01", "dueDate": "2026-12-10"}""".formatted(id, id);
        assertThat(send(HttpMethod.POST, "/api/receivables", body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return id;
    }

    ResponseEntity<JsonNode> get(String path) {
        return http.getForEntity(path, JsonNode.class);
    }

    ResponseEntity<JsonNode> send(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), new ParameterizedTypeReference<JsonNode>() {
        });
    }

    private static Path copyOfTheRules() {
        try {
            Path dir = Files.createTempDirectory("regua-rules");
            FileSystemUtils.copyRecursively(Path.of("rules"), dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    FileSystemUtils.deleteRecursively(dir);
                } catch (IOException e) {
                    // a temporary directory; the system cleans it up anyway
                }
            }));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
