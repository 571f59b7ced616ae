package br.com.regua.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import br.com.regua.support.ProcessStages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
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
 * The policy workbench over real HTTP, on its own server with its own copy of the rules directory
 * (edited here to prove hot reload) and its own database: versions, edits that are compiled and
 * tested before they go live, roll back, decisions naming their version.
 */
class PolicyWorkbenchTests extends PolicySpringTests {

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    IdentityService identity;
    /** a credit manager */
    TestRestTemplate http;
    /** a backend registering receivables */
    TestRestTemplate backend;
    @Autowired
    ObjectMapper json;
    @Autowired
    PolicyStore store;
    @Autowired
    PolicyWorkbench workbench;
    @Autowired
    Clock clock;
    @Autowired
    SimulationClock simulationClock;

    static final String NEW_CUSTOMER_GRACE = "insert(new GracePeriod(1));";
    // an edit a credit manager makes: a new file, and a scenario that pins it down
    static final String SEASON_DRL = """
            // SEASON — December bills come with the holidays: new customers get three quiet days.
            package br.com.regua.policy;

            rule "New customers with a December due date get three days of grace"
            when
                CaseFacts( dueDate.monthValue == 12 )
                InSegment( segment == Segment.NEW_CUSTOMER )
            then
                insert(new GracePeriod(3));
            end
            """;
    static final String SEASON_CSV = """
            scenario;amount;days overdue;due date;expected segment;expected grace days
            new customer due in December: three days;300.00;0;2026-12-10;NEW_CUSTOMER;3
            new customer due in November: one day;300.00;0;2026-11-10;NEW_CUSTOMER;1
            """;

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

        TestRestTemplate ana = TestUsers.as("ana", Role.CREDIT_MANAGER, identity, anonymous);
        ResponseEntity<JsonNode> put = send(ana, HttpMethod.PUT, "/api/policy", season("December is the holidays"));

        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        int number = put.getBody().get("number").asInt();
        assertThat(number).isGreaterThan(before);
        assertThat(put.getBody().get("active").asBoolean()).isTrue();
        assertThat(put.getBody().get("author").asText()).as("the author is who signed in").isEqualTo("ana");
        assertThat(put.getBody().get("scenariosRun").asInt()).isPositive();
        assertThat(activeNumber()).isEqualTo(number);

        String id = register("policy-edit-1");
        JsonNode decision = get("/api/receivables/" + id + "/decisions").getBody().get(0);
        assertThat(decision.get("policyNumber").asInt()).isEqualTo(number);
        assertThat(decision.get("outputs").get("graceDays").asInt()).isEqualTo(3);
        assertThat(decision.get("inputs").get("history").get("paidOnTime").asInt()).isZero();
        assertThat(decision.get("rulesFired")).extracting(JsonNode::asText)
                .contains("New customers with a December due date get three days of grace");

        JsonNode version = get("/api/policy/versions/" + number).getBody();
        assertThat(version.get("previous").asInt()).isEqualTo(number - 1);
        assertThat(version.get("changes").findValuesAsText("file")).containsExactlyInAnyOrder("season.drl", "scenarios/season.csv");
        assertThat(version.get("changes").findValuesAsText("change")).containsOnly("ADDED");
        assertThat(version.get("changes").findParents("file")).filteredOn(c -> c.get("file").asText().equals("season.drl"))
                .singleElement().satisfies(c -> assertThat(c.get("diff").asText())
                        .contains("+rule \"New customers with a December due date get three days of grace\""));
    }

    @Test
    void aFileThatDoesNotCompileIsRefusedWithItsLineAndTheActiveVersionStays() {
        int before = activeNumber();
        String broken = workbench.active().files().get("grace.drl").replace("InSegment( segment == Segment.RISKY )",
                "InSegment( segment == Segment.RISKY ");

        ResponseEntity<JsonNode> put = send(HttpMethod.PUT, "/api/policy", change(Map.of("grace.drl", broken)));

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

        ResponseEntity<JsonNode> put = send(HttpMethod.PUT, "/api/policy", change(Map.of("grace.drl", grace)));

        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(put.getBody().get("type").asText()).endsWith("/policy-scenarios-failed");
        assertThat(put.getBody().get("failures")).anySatisfy(failure -> {
            assertThat(failure.get("file").asText()).isEqualTo("scenarios/segmentation.csv");
            assertThat(failure.get("line").asInt()).isPositive();
            assertThat(failure.get("check").asText()).isEqualTo("grace days");
            assertThat(failure.get("expected").asText()).isEqualTo("1");
            assertThat(failure.get("actual").asText()).isEqualTo("3");
        });
        assertThat(activeNumber()).isEqualTo(before);
    }

    @Test
    void validateCompilesAndRunsTheScenariosWithoutActivating() {
        int before = activeNumber();

        ResponseEntity<JsonNode> ok = send(HttpMethod.POST, "/api/policy/validate", season(null));
        ResponseEntity<JsonNode> failing = send(HttpMethod.POST, "/api/policy/validate",
                change(Map.of("grace.drl", workbench.active().files().get("grace.drl").replace(NEW_CUSTOMER_GRACE,
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

        ResponseEntity<JsonNode> someoneElse = send(HttpMethod.PUT, "/api/policy",
                "{\"author\": \"nobody\", \"files\": {\"season.drl\": \"package x;\"}}");
        ResponseEntity<JsonNode> badName = send(HttpMethod.PUT, "/api/policy", change(Map.of("../grace.drl", "x")));
        ResponseEntity<JsonNode> noFiles = send(HttpMethod.PUT, "/api/policy", change(Map.of()));
        ResponseEntity<JsonNode> unknown = send(HttpMethod.POST, "/api/policy/versions/9999/activate", null);

        assertThat(someoneElse.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(someoneElse.getBody().get("field").asText()).isEqualTo("author");
        assertThat(badName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badName.getBody().get("field").asText()).isEqualTo("files.../grace.drl");
        assertThat(noFiles.getBody().get("field").asText()).isEqualTo("files");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> badLimit = send(HttpMethod.POST, "/api/policy/simulate?limit=5000", season(null));
        assertThat(badLimit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badLimit.getBody().get("field").asText()).isEqualTo("limit");
        assertThat(activeNumber()).isEqualTo(before);
    }

    @Test
    void sendingTheActiveFilesAgainMakesNoVersionAndAFileSentAsNullIsRemoved() throws Exception {
        int before = activeNumber();
        String grace = workbench.active().files().get("grace.drl");

        ResponseEntity<JsonNode> same = send(HttpMethod.PUT, "/api/policy", change(Map.of("grace.drl", grace)));
        int added = send(HttpMethod.PUT, "/api/policy", season("add the season")).getBody().get("number").asInt();
        Map<String, String> removal = new HashMap<>();
        removal.put("season.drl", null);
        removal.put("scenarios/season.csv", null);
        ResponseEntity<JsonNode> removed = send(HttpMethod.PUT, "/api/policy", change(removal, "season over"));

        assertThat(same.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(same.getBody().get("number").asInt()).isEqualTo(before);
        assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(removed.getBody().get("number").asInt()).isEqualTo(added + 1);
        assertThat(removed.getBody().get("fileNames")).extracting(JsonNode::asText).doesNotContain("season.drl", "scenarios/season.csv");
        assertThat(removed.getBody().get("hash").asText()).isEqualTo(store.version(before).orElseThrow().hash());
        assertThat(removed.getBody().get("changes").findValuesAsText("change")).containsOnly("REMOVED");
    }

    @Test
    void rollingBackRestoresTheOldDecisionsAndANewStartKeepsTheActiveVersion() throws Exception {
        int before = activeNumber();
        int edited = send(HttpMethod.PUT, "/api/policy", season("try the season")).getBody()
                .get("number").asInt();

        TestRestTemplate bruno = TestUsers.as("bruno", Role.CREDIT_MANAGER, identity, anonymous);
        ResponseEntity<JsonNode> rollBack = send(bruno, HttpMethod.POST, "/api/policy/versions/" + before + "/activate",
                "{\"comment\": \"back to one day\"}");

        assertThat(rollBack.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(activeNumber()).isEqualTo(before);
        String id = register("policy-rollback-1");
        JsonNode decision = get("/api/receivables/" + id + "/decisions").getBody().get(0);
        assertThat(decision.get("policyNumber").asInt()).isEqualTo(before);
        assertThat(decision.get("outputs").get("graceDays").asInt()).isEqualTo(1);
        assertThat(get("/api/policy/versions").getBody().findValuesAsText("number")).contains(String.valueOf(edited));

        // what a restart does: the database's active version wins over the directory
        assertThat(InitialPolicy.load(store, Path.of("no-such-directory"), ProcessStages.collection(), clock).number()).isEqualTo(before);
    }

    @Test
    void anEditInTheRulesDirectoryGoesLiveWithinSecondsAndABrokenOneIsRefused() throws Exception {
        int before = activeNumber();
        Path grace = RULES.resolve("grace.drl");
        String original = Files.readString(grace);

        Files.writeString(grace, original.replace("InSegment( segment == Segment.RISKY )", "InSegment( segment == Segment.RISKY "));
        await().atMost(Duration.ofSeconds(10)).until(() -> !workbench.directoryStatus().accepted());
        // the health details are for admins; anyone else sees the status alone
        assertThat(get("/actuator/health").getBody().has("components")).isFalse();
        JsonNode health = TestUsers.as(Role.ADMIN, identity, anonymous).getForEntity("/actuator/health", JsonNode.class)
                .getBody().get("components").get("policy");
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("details").get("rulesDirectory").asText()).isEqualTo("edit refused");
        assertThat(health.get("details").get("errors").get(0).asText()).startsWith("grace.drl:");
        assertThat(activeNumber()).isEqualTo(before);

        Files.writeString(grace, original);
        Files.writeString(RULES.resolve("scenarios/season.csv"), SEASON_CSV);
        Files.writeString(RULES.resolve("season.drl"), SEASON_DRL);
        await().atMost(Duration.ofSeconds(10)).until(() -> workbench.active().files().containsKey("season.drl")
                && workbench.active().files().containsKey("scenarios/season.csv"));
        JsonNode active = get("/api/policy").getBody();
        assertThat(active.get("number").asInt()).isGreaterThan(before);
        assertThat(active.get("author").asText()).isEqualTo("rules directory");
        assertThat(active.get("comment").asText()).contains("season.drl");
        assertThat(workbench.directoryStatus().accepted()).isTrue();
        String id = register("policy-hot-reload-1");
        assertThat(get("/api/receivables/" + id + "/decisions").getBody().get(0).get("outputs").get("graceDays").asInt())
                .isEqualTo(3);

        Files.delete(RULES.resolve("season.drl"));
        Files.delete(RULES.resolve("scenarios/season.csv"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !workbench.active().files().containsKey("season.drl"));
        assertThat(workbench.active().files()).doesNotContainKey("scenarios/season.csv");
    }

    @Test
    void underALoadOfIntakeADirectoryEditTakesOverWithNoFailedRequest() throws Exception {
        int before = activeNumber();
        AtomicInteger sequence = new AtomicInteger();
        AtomicInteger swappedAt = new AtomicInteger(Integer.MAX_VALUE);
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        // the load runs until the edit is live and a few requests more came after it, however slow the
        // machine: how many requests a second it takes is the benchmarks' business, not this test's
        int afterTheSwap = 8;
        for (int c = 0; c < 4; c++) {
            clients.submit(() -> {
                while (swappedAt.get() == Integer.MAX_VALUE || sequence.get() < swappedAt.get() + afterTheSwap) {
                    int n = sequence.incrementAndGet();
                    if (workbench.active().files().containsKey("season.drl")) {
                        swappedAt.accumulateAndGet(n, Math::min);
                    }
                    statuses.add(send(backend, HttpMethod.POST, "/api/receivables", receivable("load-" + n)).getStatusCode().value());
                }
                return null;
            });
        }
        // the edit lands while requests are already running
        await().atMost(Duration.ofSeconds(60)).until(() -> statuses.size() >= 4);
        Files.writeString(RULES.resolve("scenarios/season.csv"), SEASON_CSV);
        Files.writeString(RULES.resolve("season.drl"), SEASON_DRL);
        clients.shutdown();
        boolean finished = clients.awaitTermination(120, TimeUnit.SECONDS);
        if (!finished) {
            clients.shutdownNow();
        }
        Files.delete(RULES.resolve("season.drl"));
        Files.delete(RULES.resolve("scenarios/season.csv"));
        assertThat(finished).as("the edit went live and requests ran on").isTrue();

        assertThat(statuses).isNotEmpty().containsOnly(201);
        int after = workbench.active().files().containsKey("season.drl") ? workbench.active().number()
                : store.versions().stream().filter(v -> v.number() > before).mapToInt(PolicyVersion::number).min().orElseThrow();
        assertThat(after).isGreaterThan(before);
        assertThat(swappedAt.get()).as("the edit went live while requests ran").isLessThan(sequence.get());
        // requests sent once the new version was active were decided by it; none by a half-loaded policy
        for (int n = 1; n <= sequence.get(); n++) {
            JsonNode decision = get("/api/receivables/load-" + n + "/decisions").getBody().get(0);
            int version = decision.get("policyNumber").asInt();
            assertThat(version).isIn(before, after);
            if (n > swappedAt.get()) {
                assertThat(version).as("load-" + n).isEqualTo(after);
                assertThat(decision.get("outputs").get("graceDays").asInt()).isEqualTo(3);
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !workbench.active().files().containsKey("season.drl"));
    }

    @Test
    void whatIfCountsTheOpenCasesAnEditWouldMoveAndChangesNothing() throws Exception {
        int before = activeNumber();
        register("policy-whatif-1");
        registerOverdue("policy-whatif-2");
        // in the segmentation table, the row for customers never seen paying now says RISKY
        String segmentation = workbench.active().files().get("segmentation.drl.csv")
                .replace("are new customers,true,,,,,,segment,NEW_CUSTOMER", "are new customers,true,,,,,,segment,RISKY");

        ResponseEntity<JsonNode> response = send(HttpMethod.POST, "/api/policy/simulate?limit=1000",
                change(Map.of("segmentation.drl.csv", segmentation)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode report = response.getBody().get("report");
        // every debtor here is new: all of them would become risky
        assertThat(report.get("evaluated").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(report.get("segmentChanged").asInt()).isEqualTo(report.get("evaluated").asInt());
        assertThat(new BigDecimal(report.get("discountOfferedAfter").asText()))
                .isLessThan(new BigDecimal(report.get("discountOfferedBefore").asText()));
        JsonNode overdue = report.get("firstChanged").findParents("externalId").stream()
                .filter(c -> c.get("externalId").asText().equals("policy-whatif-2")).findFirst().orElseThrow();
        assertThat(overdue.get("before").get("segment").asText()).isEqualTo("NEW_CUSTOMER");
        assertThat(overdue.get("after").get("segment").asText()).isEqualTo("RISKY");
        assertThat(overdue.get("changes")).extracting(JsonNode::asText).contains("segment", "discount");
        assertThat(overdue.get("after").get("rulesFired")).extracting(JsonNode::asText)
                .contains("Risky customers get no discount, and fine and interest stay");
        assertThat(response.getBody().get("scenarioFailures")).isNotEmpty();

        assertThat(activeNumber()).isEqualTo(before);
        assertThat(get("/api/receivables/policy-whatif-2").getBody().get("segment").asText()).isEqualTo("NEW_CUSTOMER");
    }

    @Test
    void whatIfRefusesAFileThatDoesNotCompile() {
        ResponseEntity<JsonNode> response = send(HttpMethod.POST, "/api/policy/simulate",
                change(Map.of("grace.drl", "rule \"unfinished\" when")));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("errors").get(0).get("file").asText()).isEqualTo("grace.drl");
    }

    // --- helpers

    String season(String comment) {
        return change(Map.of("season.drl", SEASON_DRL, "scenarios/season.csv", SEASON_CSV), comment);
    }

    String change(Map<String, String> files) {
        return change(files, null);
    }

    String change(Map<String, String> files, String comment) {
        Map<String, Object> body = new HashMap<>();
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

    @BeforeEach
    void signIn() {
        http = TestUsers.as(Role.CREDIT_MANAGER, identity, anonymous);
        backend = TestUsers.as(Role.INTEGRATION, identity, anonymous);
    }

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

    static String receivable(String id) {
        return """
                {"externalId": "%s",
                 "customer": {"externalId": "cust-%s", "name": "Maria Souza", "document": "529.982.247-25",
                              "type": "CONSUMER", "email": "maria@example.com", "state": "SP"},
                 "amount": "800.00", "issueDate": "2026-11-01", "dueDate": "2026-12-10"}""".formatted(id, id);
    }

    String register(String id) {
        assertThat(send(backend, HttpMethod.POST, "/api/receivables", receivable(id)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return id;
    }

    /** Due on 1 October: 55 days overdue on 25 November, with fine and interest that a new customer's offer waives. */
    void registerOverdue(String id) {
        String body = """
                {"externalId": "%s",
                 "customer": {"externalId": "cust-%s", "name": "Carlos Lima", "document": "123.456.789-09",
                              "type": "CONSUMER", "phone": "+55 21 99876-5432", "state": "RJ"},
                 "amount": "2500.00", "issueDate": "2026-09-01", "dueDate": "2026-10-01"}""".formatted(id, id);
        assertThat(send(backend, HttpMethod.POST, "/api/receivables", body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    ResponseEntity<JsonNode> get(String path) {
        return http.getForEntity(path, JsonNode.class);
    }

    ResponseEntity<JsonNode> send(HttpMethod method, String path, String body) {
        return send(http, method, path, body);
    }

    static ResponseEntity<JsonNode> send(TestRestTemplate http, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), new ParameterizedTypeReference<JsonNode>() {
        });
    }
}
