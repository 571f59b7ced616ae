package br.com.regua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import br.com.regua.support.ReguaSpringTests;
import br.com.regua.security.Role;
import br.com.regua.support.TestUsers;

/**
 * Bad input found by probing the running server, each kept as a test: the answer is a 400 problem
 * detail naming the field (or a 404 problem for a path naming nothing), and nothing is stored.
 */
class InputHardeningTests extends ReguaSpringTests {

    /** Ids that break the grammar (1–64 of letters, digits, '.', '_', '-', ':'): a slash, NUL, a forged log line, a tab, a space, 65 characters. */
    static final String[] BAD_IDS = {"inv/1", "inv\u00001", "inv-1\n2026-03-02 INFO forged line", "inv\t1", "inv 1", "a".repeat(65),
            "fatura-ção"};

    /** an administrator: these tests are about what the server accepts, not about roles */
    TestRestTemplate http;

    @BeforeEach
    void signInAsAdministrator() {
        http = as(Role.ADMIN);
    }
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void monday() {
        setClock("2026-03-02T10:00:00-03:00");
    }

    ResponseEntity<JsonNode> post(String path, String content) {
        return send(HttpMethod.POST, path, content, MediaType.APPLICATION_JSON);
    }

    ResponseEntity<JsonNode> send(HttpMethod method, String path, String content, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return http.exchange(path, method, new HttpEntity<>(content, headers), JsonNode.class);
    }

    ObjectNode receivable(String externalId) throws Exception {
        return (ObjectNode) json.readTree(ReceivableApiTests.body(externalId));
    }

    static void assertInvalid(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("type").asText()).isEqualTo("https://regua.dev/problems/invalid-input");
        assertThat(response.getBody().get("field").asText()).isEqualTo(field);
        assertThat(response.getBody().toString()).doesNotContain("java.", "Exception", "br.com.regua");
    }

    static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String type) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("type").asText()).isEqualTo("https://regua.dev/problems/" + type);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
        assertThat(response.getBody().get("title").asText()).isNotBlank();
        assertThat(response.getBody().toString()).doesNotContain("java.", "Exception", "br.com.regua");
    }

    long receivables(String externalId) {
        return jdbc.sql("select count(*) from receivable where external_id = ?").param(externalId).query(Long.class).single();
    }

    long customers(String externalId) {
        return jdbc.sql("select count(*) from customer where external_id = ?").param(externalId).query(Long.class).single();
    }

    long payments(String externalId) {
        return jdbc.sql("select (select count(*) from payment where external_id = ?) + (select count(*) from agreement_payment where external_id = ?)")
                .params(externalId, externalId).query(Long.class).single();
    }

    void assertNotStored(String externalId) {
        assertThat(receivables(externalId)).isZero();
        assertThat(caseOf(externalId)).isNull();
    }

    void register(String externalId) throws Exception {
        assertThat(post("/api/receivables", receivable(externalId).toString()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    String principal(String externalId) {
        return http.getForObject("/api/receivables/" + externalId, JsonNode.class).at("/charges/principal").asText();
    }

    // 1. a batch with a null item

    @Test
    void aNullItemInABatchIsRefusedOnItsOwnAndTheValidItemIsRegistered() throws Exception {
        ArrayNode items = json.createArrayNode();
        items.addNull();
        items.add(receivable("hard-batch-valid"));
        items.add(42);
        items.add("hard-batch-a-string");
        items.add(json.createArrayNode().add(receivable("hard-batch-in-an-array")));

        ResponseEntity<JsonNode> response = post("/api/receivables/batch", json.createObjectNode().set("items", items).toString());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode results = response.getBody().get("results");
        assertThat(results.findValuesAsText("status")).containsExactly("400", "201", "400", "400", "400");
        for (int i : new int[] {0, 2, 3, 4}) {
            assertThat(results.get(i).at("/errors/0/field").asText()).isEqualTo("items[" + i + "]");
        }
        assertThat(response.getBody().get("created").asInt()).isEqualTo(1);
        assertThat(response.getBody().get("invalid").asInt()).isEqualTo(4);
        assertThat(caseOf("hard-batch-valid")).isNotNull();
        assertNotStored("hard-batch-in-an-array");
    }

    // 2. external ids: a grammar, in bodies (400 naming the field) and in paths (404)

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void aReceivableWhoseExternalIdBreaksTheGrammarIsRefused(int bad) throws Exception {
        String id = BAD_IDS[bad];
        ObjectNode request = receivable("hard-id-" + bad);
        request.put("externalId", id);

        assertInvalid(post("/api/receivables", request.toString()), "externalId");
        assertNotStored(id);
        assertThat(customers("cust-hard-id-" + bad)).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 5})
    void aCustomerWhoseExternalIdBreaksTheGrammarIsRefusedWithItsReceivable(int bad) throws Exception {
        ObjectNode request = receivable("hard-cust-" + bad);
        ((ObjectNode) request.get("customer")).put("externalId", BAD_IDS[bad]);

        assertInvalid(post("/api/receivables", request.toString()), "customer.externalId");
        assertNotStored("hard-cust-" + bad);
        assertThat(customers(BAD_IDS[bad])).isZero();
    }

    @Test
    void theLongestExternalIdAndEveryAllowedCharacterAreAccepted() throws Exception {
        String longest = "AZaz09._-:" + "x".repeat(54);
        ObjectNode request = receivable("unused");
        request.put("externalId", longest);
        ((ObjectNode) request.get("customer")).put("externalId", "cust:" + "y".repeat(59));

        assertThat(post("/api/receivables", request.toString()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(http.getForEntity("/api/receivables/" + longest, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aPaymentWhoseExternalIdsBreakTheGrammarIsRefusedAndPaysNothing() throws Exception {
        register("hard-pay-id");
        for (String bad : BAD_IDS) {
            ObjectNode payment = json.createObjectNode().put("externalId", bad).put("receivableExternalId", "hard-pay-id")
                    .put("amount", "100.00").put("method", "PIX").put("paidAt", "2026-03-02T09:00:00-03:00");
            assertInvalid(post("/api/payments", payment.toString()), "externalId");
            assertThat(payments(bad)).isZero();

            payment.put("externalId", "hard-pay-ok").put("receivableExternalId", bad);
            assertInvalid(post("/api/payments", payment.toString()), "receivableExternalId");
            assertThat(payments("hard-pay-ok")).isZero();
        }
        assertThat(principal("hard-pay-id")).isEqualTo("1500.00");
    }

    @Test
    void anInstallmentPaymentWhoseExternalIdBreaksTheGrammarIsRefusedAndPaysNothing() throws Exception {
        register("hard-inst-id");
        setClock("2026-04-25T10:00:00-03:00");
        JsonNode offers = http.getForObject("/api/receivables/hard-inst-id/offers", JsonNode.class);
        String offerId = AgreementApiTests.plan(offers, 2).get("id").asText();
        String agreementId = post("/api/agreements", json.createObjectNode().put("offerId", offerId).toString()).getBody().get("id").asText();

        for (String bad : BAD_IDS) {
            ObjectNode payment = json.createObjectNode().put("externalId", bad).put("agreementId", agreementId).put("installment", 1)
                    .put("amount", "100.00").put("method", "PIX").put("paidAt", "2026-04-25T09:00:00-03:00");
            assertInvalid(post("/api/payments", payment.toString()), "externalId");
            assertThat(payments(bad)).isZero();
        }
        JsonNode agreement = http.getForObject("/api/agreements/" + agreementId, JsonNode.class);
        assertThat(agreement.at("/installments/0/paidAmount").asText()).isEqualTo("0.00");
    }

    @Test
    void aPathNamingAnIdOutsideTheGrammarFindsNothingAndChangesNothing() throws Exception {
        register("hard-path");
        // a line break or line separator in a URL never reaches Régua: the security firewall refuses the request
        for (String rejected : new String[] {"hard-path\n", "hard-path\u2028x"}) {
            assertProblem(http.getForEntity("/api/receivables/{id}", JsonNode.class, rejected), HttpStatus.BAD_REQUEST, "rejected-url");
        }
        for (String bad : new String[] {"hard path", "a".repeat(65), "hard-pa\u00e7h"}) {
            assertProblem(http.getForEntity("/api/receivables/{id}", JsonNode.class, bad), HttpStatus.NOT_FOUND, "not-found");
            assertProblem(http.getForEntity("/api/receivables/{id}/decisions", JsonNode.class, bad), HttpStatus.NOT_FOUND, "not-found");
            assertProblem(http.getForEntity("/api/receivables/{id}/offers", JsonNode.class, bad), HttpStatus.NOT_FOUND, "not-found");
            assertProblem(http.getForEntity("/api/customers/{id}/offers", JsonNode.class, bad), HttpStatus.NOT_FOUND, "not-found");
            assertProblem(http.getForEntity("/api/customers/{id}/opt-outs", JsonNode.class, bad), HttpStatus.NOT_FOUND, "not-found");
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            assertProblem(http.exchange("/api/receivables/{id}/disputes", HttpMethod.POST, new HttpEntity<>("{\"reason\": \"x\"}", headers),
                    JsonNode.class, bad), HttpStatus.NOT_FOUND, "not-found");
            assertProblem(http.exchange("/api/customers/{id}/opt-outs", HttpMethod.POST, new HttpEntity<>("{\"channel\": \"SMS\"}", headers),
                    JsonNode.class, bad), HttpStatus.NOT_FOUND, "not-found");
        }
        JsonNode stored = http.getForObject("/api/receivables/hard-path", JsonNode.class);
        assertThat(stored.get("status").asText()).isEqualTo("OPEN");
    }

    // 3. dates with no business meaning

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource({
            "dueDate,   +99999-01-01",
            "dueDate,   99999-01-01",
            "dueDate,   0001-01-01",
            "dueDate,   2036-03-03",
            "issueDate, 1999-12-31",
            "issueDate, 1900-01-01",
            "issueDate, 2036-03-03",
    })
    void anIssueOrDueDateOutsideItsWindowIsRefused(String field, String date) throws Exception {
        String id = "hard-date-" + Math.abs((field + date).hashCode());
        ObjectNode request = receivable(id);
        request.put(field, date);

        assertInvalid(post("/api/receivables", request.toString()), field);
        assertNotStored(id);
    }

    @Test
    void issueAndDueDatesAtTheEdgesOfTheirWindowAreAccepted() throws Exception {
        // today is 2026-03-02: from 2000-01-01 to ten years ahead, both included
        ObjectNode request = receivable("hard-date-edges");
        request.put("issueDate", "2000-01-01").put("dueDate", "2036-03-02");

        assertThat(post("/api/receivables", request.toString()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aPaymentBefore2000OrBeyondTheClockSkewIsRefusedAndTheEdgesAreAccepted() throws Exception {
        register("hard-paid-at");
        String payment = """
                {"externalId": "%s", "receivableExternalId": "hard-paid-at", "amount": "1.00", "method": "PIX", "paidAt": "%s"}""";

        for (String paidAt : new String[] {"1900-01-01T00:00:00-03:00", "1999-12-31T23:59:59-02:00", "2026-03-02T10:05:01-03:00",
                "+99999-01-01T00:00:00-03:00"}) {
            String id = "hard-paid-at-" + Math.abs(paidAt.hashCode());
            assertInvalid(post("/api/payments", payment.formatted(id, paidAt)), "paidAt");
            assertThat(payments(id)).isZero();
        }
        assertThat(principal("hard-paid-at")).isEqualTo("1500.00");

        // 2000 began at midnight in Régua's time zone (summer time then: -02:00); a backend's clock may run five minutes ahead
        assertThat(post("/api/payments", payment.formatted("hard-paid-at-first", "2000-01-01T00:00:00-02:00")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post("/api/payments", payment.formatted("hard-paid-at-ahead", "2026-03-02T10:05:00-03:00")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    // 4. loose JSON (what the HTTP layer alone refuses is in ReceivableControllerTests and PaymentControllerTests)

    @Test
    void aPaymentOrACorrectedAmountAsANumberIsRefused() throws Exception {
        register("hard-money-pay");
        assertInvalid(post("/api/payments", """
                {"externalId": "hard-money-pix", "receivableExternalId": "hard-money-pay", "amount": 100.0, "method": "PIX",
                 "paidAt": "2026-03-02T09:00:00-03:00"}"""), "amount");
        assertThat(payments("hard-money-pix")).isZero();
        assertThat(principal("hard-money-pay")).isEqualTo("1500.00");

        String disputeId = post("/api/receivables/hard-money-pay/disputes", "{\"reason\": \"Valor errado\"}").getBody().get("id").asText();
        assertInvalid(post("/api/disputes/" + disputeId + "/resolution", "{\"outcome\": \"UPHELD\", \"correctedAmount\": 900}"),
                "correctedAmount");
        assertThat(http.getForObject("/api/disputes/" + disputeId, JsonNode.class).get("status").asText()).isEqualTo("OPEN");
    }

    // 5. every error is a problem detail

    @Test
    void anUnknownRouteIsANotFoundProblem() {
        assertProblem(http.getForEntity("/api/nope", JsonNode.class), HttpStatus.NOT_FOUND, "not-found");
        assertProblem(http.getForEntity("/nothing-here", JsonNode.class), HttpStatus.NOT_FOUND, "not-found");
        assertProblem(http.getForEntity("/error", JsonNode.class), HttpStatus.NOT_FOUND, "not-found");

        HttpHeaders browser = new HttpHeaders();
        browser.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> page = http.exchange("/nothing-here", HttpMethod.GET, new HttpEntity<>(browser), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(page.getBody()).contains("https://regua.dev/problems/not-found");
    }

    @Test
    void aPathValueOfTheWrongTypeIsRefusedNamingIt() {
        assertInvalid(http.getForEntity("/api/policy/versions/abc", JsonNode.class), "number");
    }

    @Test
    void thePagesAreStillServed() {
        ResponseEntity<String> policy = http.getForEntity("/policy", String.class);
        assertThat(policy.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(policy.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(http.getForEntity("/policy/policy.js", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> cockpit = http.getForEntity("/camunda/app/cockpit/" + engine.getName() + "/", String.class);
        assertThat(cockpit.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cockpit.getBody()).contains("<html");
    }

    // 6. text a caller sent, in the log

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aLogLineCannotBeForgedThroughTextACallerSends(CapturedOutput output) {
        int active = http.getForObject("/api/policy", JsonNode.class).get("number").asInt();
        String comment = "routine check\n2026-03-02T10:00:00.000-03:00  INFO 1 --- [main] forged: policy version 99 activated by admin";

        ResponseEntity<JsonNode> response = post("/api/policy/versions/" + active + "/activate",
                json.createObjectNode().put("comment", comment).toString());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(output.getOut()).contains("re-activated by " + TestUsers.user(Role.ADMIN)
                + ": routine check\\n2026-03-02T10:00:00.000-03:00  INFO 1");
        assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith("2026-03-02T10:00:00.000-03:00  INFO 1 --- [main] forged"));
    }
}
