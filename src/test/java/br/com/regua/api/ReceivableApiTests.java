package br.com.regua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import br.com.regua.support.ReguaSpringTests;
import br.com.regua.security.Role;

/** The receivables API over real HTTP: every rule of input, idempotency, views. */
class ReceivableApiTests extends ReguaSpringTests {

    TestRestTemplate http;

    @BeforeEach
    void signInAsBackend() {
        http = as(Role.INTEGRATION);
    }
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void monday() {
        setClock("2026-03-02T10:00:00-03:00");
    }

    static String body(String externalId) {
        return """
                {"externalId": "%s",
                 "customer": {"externalId": "cust-%s", "name": "João Pereira", "document": "111.444.777-35",
                              "type": "CONSUMER", "email": "joao@example.com", "phone": "+55 11 91234-5678", "state": "SP"},
                 "amount": "1500.00", "issueDate": "2026-03-01", "dueDate": "2026-03-16",
                 "description": "Mensalidade escolar de março"}""".formatted(externalId, externalId);
    }

    ObjectNode node(String externalId) throws Exception {
        return (ObjectNode) json.readTree(body(externalId));
    }

    ResponseEntity<JsonNode> post(String path, String content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(content, headers), JsonNode.class);
    }

    void assertRejected(ResponseEntity<JsonNode> response, String field, String externalId) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("field").asText()).isEqualTo(field);
        assertThat(response.getBody().get("type").asText()).endsWith("/invalid-input");
        assertThat(response.getBody().toString()).doesNotContain("java.", "Exception");
        if (externalId != null) {
            assertThat(http.getForEntity("/api/receivables/" + externalId, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(caseOf(externalId)).isNull();
        }
    }

    @Test
    void registeringAReceivableStartsItsCaseAndShowsWhereItStands() {
        ResponseEntity<JsonNode> created = post("/api/receivables", body("api-new"));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode r = created.getBody();
        assertThat(r.get("externalId").asText()).isEqualTo("api-new");
        assertThat(r.get("status").asText()).isEqualTo("OPEN");
        assertThat(r.get("stage").asText()).isEqualTo("REGISTERED");
        assertThat(r.get("segment").asText()).isEqualTo("NEW_CUSTOMER");
        assertThat(r.get("caseId").asText()).isEqualTo(caseOf("api-new").getId());
        assertThat(r.get("amount").asText()).isEqualTo("1500.00");
        assertThat(r.at("/nextStep/stage").asText()).isEqualTo("PRE_DUE_REMINDER");
    }

    @Test
    void theSameRequestAgainReturnsTheSameCaseWithoutStartingAnother() {
        String first = post("/api/receivables", body("api-twice")).getBody().get("caseId").asText();

        ResponseEntity<JsonNode> again = post("/api/receivables", body("api-twice"));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("caseId").asText()).isEqualTo(first);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("api-twice").count()).isEqualTo(1);
    }

    @Test
    void theSameExternalIdWithOtherContentIsAConflict() throws Exception {
        post("/api/receivables", body("api-conflict"));
        ObjectNode other = node("api-conflict");
        other.put("amount", "1600.00");

        ResponseEntity<JsonNode> response = post("/api/receivables", other.toString());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().get("field").asText()).isEqualTo("externalId");
        assertThat(http.getForObject("/api/receivables/api-conflict", JsonNode.class).get("amount").asText()).isEqualTo("1500.00");
    }

    @ParameterizedTest(name = "{0} = {1} is rejected")
    @CsvSource(delimiter = '|', value = {
            "customer.document | \"111.444.777-36\"",
            "customer.document | \"111.111.111-11\"",
            "amount            | \"0.00\"",
            "amount            | \"-10.00\"",
            "amount            | \"10.001\"",
            "amount            | \"dez reais\"",
            "amount            | null",
            "externalId        | null",
            "externalId        | \"\"",
            "issueDate         | null",
            "dueDate           | null",
            "dueDate           | \"2026-02-30\"",
            "dueDate           | \"2026-02-28\"",
            "dueDate           | 20260316",
            "customer          | null",
            "customer.name     | null",
            "customer.document | null",
            "customer.type     | \"PERSON\"",
            "customer.type     | null",
            "customer.email    | \"not-an-email\"",
            "customer.state    | \"XX\"",
            "customer.preferredChannel | \"PIGEON\"",
            "customer.preferredChannel | \"LETTER\"",
            "customer.preferredTime    | \"MIDNIGHT\"",
            "customer.preferredTime    | \"morning\"",
    })
    void badInputIsRejectedNamingTheFieldAndNothingIsStored(String field, String value) throws Exception {
        String externalId = "api-bad-" + Math.abs((field + value).hashCode());
        ObjectNode request = node(externalId);
        ObjectNode parent = field.startsWith("customer.") ? (ObjectNode) request.get("customer") : request;
        parent.set(field.substring(field.indexOf('.') + 1), json.readTree(value));

        assertRejected(post("/api/receivables", request.toString()), field, externalId);
    }

    @Test
    void aBusinessNeedsAValidCnpjAndTheAlphanumericFormatIsAccepted() throws Exception {
        ObjectNode request = node("api-business");
        ObjectNode customer = (ObjectNode) request.get("customer");
        customer.put("type", "BUSINESS").put("document", "111.444.777-35");
        assertRejected(post("/api/receivables", request.toString()), "customer.document", "api-business");

        customer.put("document", "12.ABC.345/01DE-35");
        assertThat(post("/api/receivables", request.toString()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void theDebtorsContactPreferencesAreKeptAndShownAndOneLeftOutKeepsWhatIsStored() throws Exception {
        ObjectNode request = node("api-prefs");
        ((ObjectNode) request.get("customer")).put("preferredChannel", "WHATSAPP").put("preferredTime", "MORNING");

        assertThat(post("/api/receivables", request.toString()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode view = http.getForObject("/api/receivables/api-prefs", JsonNode.class);
        assertThat(view.at("/customer/preferredChannel").asText()).isEqualTo("WHATSAPP");
        assertThat(view.at("/customer/preferredTime").asText()).isEqualTo("MORNING");

        // another debt of the same debtor, sent with a new time of day only: the channel stays
        ObjectNode second = node("api-prefs-2");
        second.set("customer", request.get("customer").deepCopy());
        ((ObjectNode) second.get("customer")).remove("preferredChannel");
        ((ObjectNode) second.get("customer")).put("preferredTime", "EVENING");
        assertThat(post("/api/receivables", second.toString()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode after = http.getForObject("/api/receivables/api-prefs", JsonNode.class);
        assertThat(after.at("/customer/preferredChannel").asText()).isEqualTo("WHATSAPP");
        assertThat(after.at("/customer/preferredTime").asText()).isEqualTo("EVENING");
    }

    static final String ADDRESS = """
            {"street": "Rua das Flores", "number": "123", "complement": "apto 45", "district": "Jardim Paulista",
             "city": "São Paulo", "state": "SP", "postalCode": "01310-100"}""";

    @Test
    void theDebtorsPostalAddressIsKeptAndShownAndANewOneReplacesIt() throws Exception {
        ObjectNode request = node("api-address");
        ((ObjectNode) request.get("customer")).set("address", json.readTree(ADDRESS));

        assertThat(post("/api/receivables", request.toString()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode address = http.getForObject("/api/receivables/api-address", JsonNode.class).at("/customer/address");
        assertThat(address.get("street").asText()).isEqualTo("Rua das Flores");
        assertThat(address.get("complement").asText()).isEqualTo("apto 45");
        assertThat(address.get("postalCode").asText()).as("the CEP as its 8 digits").isEqualTo("01310100");
        // the same request again is the same receivable, the CEP written either way
        ((ObjectNode) request.at("/customer/address")).put("postalCode", "01310100");
        assertThat(post("/api/receivables", request.toString()).getStatusCode()).isEqualTo(HttpStatus.OK);

        // the debtor moved: another debt sent with the new address replaces it
        ObjectNode second = node("api-address-2");
        second.set("customer", request.get("customer").deepCopy());
        ((ObjectNode) second.at("/customer/address")).put("street", "Rua Augusta").put("number", "900").remove("complement");
        assertThat(post("/api/receivables", second.toString()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode moved = http.getForObject("/api/receivables/api-address", JsonNode.class).at("/customer/address");
        assertThat(moved.get("street").asText()).isEqualTo("Rua Augusta");
        assertThat(moved.has("complement") && !moved.get("complement").isNull()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postalCode | \"1310-100\"", "postalCode | \"0131010A\"", "state | \"XX\"", "street | \"\"", "city | null",
            "number | \"\""})
    void aBadPostalAddressIsRejectedNamingItsFieldAndNothingIsStored(String field, String value) throws Exception {
        String externalId = "api-bad-address-" + Math.abs((field + value).hashCode());
        ObjectNode request = node(externalId);
        ObjectNode address = (ObjectNode) json.readTree(ADDRESS);
        address.set(field, json.readTree(value));
        ((ObjectNode) request.get("customer")).set("address", address);

        assertRejected(post("/api/receivables", request.toString()), "customer.address." + field, externalId);
    }

    @Test
    void malformedJsonIsRejected() {
        assertRejected(post("/api/receivables", "{\"externalId\": \"api-malformed\", "), "body", null);
    }

    @Test
    void anUnknownReceivableIsNotFound() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/receivables/nobody", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theViewShowsTheChargesBreakdownAndTheTimeline() {
        post("/api/receivables", body("api-view"));
        setClock("2026-04-15T10:00:00-03:00"); // 30 days after the due date

        JsonNode view = http.getForObject("/api/receivables/api-view", JsonNode.class);

        JsonNode charges = view.get("charges");
        assertThat(charges.get("asOf").asText()).isEqualTo("2026-04-15");
        assertThat(charges.get("principal").asText()).isEqualTo("1500.00");
        assertThat(charges.get("fine").asText()).isEqualTo("30.00");     // 2% of 1,500.00
        assertThat(charges.get("interest").asText()).isEqualTo("15.00"); // 1% a month for 30 days
        assertThat(charges.get("total").asText()).isEqualTo("1545.00");
        List<String> types = view.get("timeline").findValuesAsText("type");
        assertThat(types).contains("STAGE", "DECISION");
        JsonNode decision = view.get("timeline").findParents("rulesFired").get(0);
        assertThat(decision.get("rulesFired")).isNotEmpty();
        assertThat(decision.get("policyVersion").asText()).isNotBlank();
    }

    @Test
    void aBatchRegistersEachItemOnItsOwn() throws Exception {
        ArrayNode items = json.createArrayNode();
        items.add(node("api-batch-1"));
        ObjectNode bad = node("api-batch-2");
        bad.put("amount", "-1");
        items.add(bad);
        ObjectNode wrongType = node("api-batch-3");
        wrongType.put("dueDate", "tomorrow");
        items.add(wrongType);
        items.add(node("api-batch-4"));
        items.add(node("api-batch-1"));

        ResponseEntity<JsonNode> response = post("/api/receivables/batch", json.createObjectNode().set("items", items).toString());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode results = response.getBody().get("results");
        assertThat(results.findValuesAsText("status")).containsExactly("201", "400", "400", "201", "200");
        assertThat(results.get(1).at("/errors/0/field").asText()).isEqualTo("amount");
        assertThat(results.get(2).at("/errors/0/field").asText()).isEqualTo("dueDate");
        assertThat(response.getBody().get("created").asInt()).isEqualTo(2);
        assertThat(caseOf("api-batch-4")).isNotNull();
        assertThat(caseOf("api-batch-2")).isNull();
    }

    @Test
    void aBatchLargerThanAChunkKeepsEachItemsOutcomeAcrossChunks() throws Exception {
        // items are registered 100 to a transaction: refusals in the middle of a chunk must leave the rest of it stored
        setClock("2026-03-02T10:00:00-03:00");
        post("/api/receivables", body("api-chunk-known"));
        ArrayNode items = json.createArrayNode();
        for (int i = 0; i < 250; i++) {
            ObjectNode item = node("api-chunk-" + i);
            ((ObjectNode) item.get("customer")).put("externalId", "cust-api-chunk-" + (i / 3)); // three receivables per customer
            items.add(item);
        }
        ObjectNode changed = node("api-chunk-known");
        changed.put("amount", "99.00");
        items.set(50, changed);                            // already registered with other content: 409
        items.set(120, items.get(119).deepCopy());         // the same receivable twice in one chunk: 201 then 200
        ObjectNode otherContent = items.get(130).deepCopy();
        otherContent.put("amount", "1.00");
        items.set(131, otherContent);                      // the same external id in one chunk with other content: 409
        ObjectNode otherDocument = items.get(200).deepCopy();
        otherDocument.put("externalId", "api-chunk-other-document");
        ((ObjectNode) otherDocument.get("customer")).put("document", "529.982.247-25");
        items.set(201, otherDocument);                     // a known customer with another document: 409
        ((ObjectNode) items.get(240)).put("amount", "0");  // invalid: 400

        ResponseEntity<JsonNode> response = post("/api/receivables/batch", json.createObjectNode().set("items", items).toString());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode results = response.getBody().get("results");
        assertThat(results.get(50).get("status").asInt()).isEqualTo(409);
        assertThat(results.get(50).at("/errors/0/field").asText()).isEqualTo("externalId");
        assertThat(results.get(119).get("status").asInt()).isEqualTo(201);
        assertThat(results.get(120).get("status").asInt()).isEqualTo(200);
        assertThat(results.get(120).get("caseId").asText()).isEqualTo(results.get(119).get("caseId").asText());
        assertThat(results.get(131).get("status").asInt()).isEqualTo(409);
        assertThat(results.get(201).get("status").asInt()).isEqualTo(409);
        assertThat(results.get(201).at("/errors/0/field").asText()).isEqualTo("customer.document");
        assertThat(results.get(240).get("status").asInt()).isEqualTo(400);
        assertThat(response.getBody().get("created").asInt()).isEqualTo(245);
        assertThat(response.getBody().get("existing").asInt()).isEqualTo(1);
        assertThat(response.getBody().get("conflict").asInt()).isEqualTo(3);
        assertThat(response.getBody().get("invalid").asInt()).isEqualTo(1);
        for (int i : new int[] {0, 49, 51, 99, 100, 130, 199, 202, 249}) {
            JsonNode result = results.get(i);
            assertThat(result.get("status").asInt()).as("item %d", i).isEqualTo(201);
            assertThat(result.get("stage").asText()).isEqualTo("REGISTERED");
            assertThat(caseOf(result.get("externalId").asText()).getId()).isEqualTo(result.get("caseId").asText());
        }
        assertThat(http.getForObject("/api/receivables/api-chunk-known", JsonNode.class).get("amount").asText()).isEqualTo("1500.00");
        assertThat(http.getForEntity("/api/receivables/api-chunk-other-document", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(caseOf("api-chunk-240")).isNull();

        // a client that lost the answer sends the same batch again: nothing new, the same cases, the same refusals
        JsonNode again = post("/api/receivables/batch", json.createObjectNode().set("items", items).toString()).getBody();
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("existing").asInt()).isEqualTo(246);
        assertThat(again.get("conflict").asInt()).isEqualTo(3);
        assertThat(again.get("invalid").asInt()).isEqualTo(1);
        for (int i = 0; i < 250; i++) {
            assertThat(again.get("results").get(i).path("caseId").asText()).as("item %d", i)
                    .isEqualTo(results.get(i).path("caseId").asText());
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("api-chunk-%").count())
                .as("245 created by the batch and api-chunk-known").isEqualTo(246);
    }

    @Test
    void aBatchOfMoreThanTenThousandIsRejectedWhole() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i <= 10_000; i++) {
            items.append(i == 0 ? "" : ",").append("{}");
        }
        assertRejected(post("/api/receivables/batch", "{\"items\": [" + items + "]}"), "items", null);
        assertRejected(post("/api/receivables/batch", "{\"things\": []}"), "items", null);
    }

    @Test
    void paymentsAreIdempotentAndValidated() {
        post("/api/receivables", body("api-pay"));
        String payment = """
                {"externalId": "pix-1", "receivableExternalId": "api-pay", "amount": "500.00", "method": "PIX",
                 "paidAt": "2026-03-02T09:30:00-03:00"}""";

        ResponseEntity<JsonNode> first = post("/api/payments", payment);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody().get("receivableStatus").asText()).isEqualTo("OPEN");
        assertThat(post("/api/payments", payment).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("/api/payments", payment.replace("500.00", "400.00")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        assertRejected(post("/api/payments", payment.replace("pix-1", "pix-2").replace("\"PIX\"", "\"CHEQUE\"")), "method", null);
        assertRejected(post("/api/payments", payment.replace("pix-1", "pix-3").replace("2026-03-02T09", "2026-03-09T09")), "paidAt", null);
        assertRejected(post("/api/payments", payment.replace("pix-1", "pix-4").replace("\"api-pay\"", "\"nobody\"")),
                "receivableExternalId", null);
        assertRejected(post("/api/payments", payment.replace("pix-1", "pix-5").replace("500.00", "0.001")), "amount", null);

        JsonNode view = http.getForObject("/api/receivables/api-pay", JsonNode.class);
        assertThat(view.get("charges").get("principal").asText()).isEqualTo("1000.00");
        assertThat(view.get("timeline").findValuesAsText("type")).containsOnlyOnce("PAYMENT");

        ResponseEntity<JsonNode> rest = post("/api/payments", payment.replace("pix-1", "pix-6").replace("500.00", "1000.00"));
        assertThat(rest.getBody().get("receivableStatus").asText()).isEqualTo("PAID");
        assertThat(http.getForObject("/api/receivables/api-pay", JsonNode.class).get("stage").asText()).isEqualTo("PAID");
        assertThat(post("/api/payments", payment.replace("pix-1", "pix-7")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void theSimulationClockMovesForwardOnly() {
        http = as(Role.ADMIN);
        ResponseEntity<JsonNode> back = post("/api/simulation/advance", "{\"to\": \"2020-01-01T00:00:00-03:00\"}");
        assertRejected(back, "to", null);
        ResponseEntity<JsonNode> missing = post("/api/simulation/advance", "{}");
        assertRejected(missing, "to", null);
    }
}
