package br.com.regua.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

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

import br.com.regua.cases.CollectionProcess;
import br.com.regua.support.ReguaSpringTests;
import br.com.regua.security.Role;

/** Disputes and customer-wide offers over real HTTP. */
class DisputeApiTests extends ReguaSpringTests {

    TestRestTemplate http;

    @BeforeEach
    void signInAsBackend() {
        http = as(Role.INTEGRATION);
    }

    @BeforeEach
    void monday() {
        setClock("2026-03-02T10:00:00-03:00");
    }

    ResponseEntity<JsonNode> post(String path, String content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(content, headers), JsonNode.class);
    }

    void register(String externalId, String customer, String amount, String dueDate) {
        String body = ReceivableApiTests.body(externalId).replace("cust-" + externalId, customer).replace("1500.00", amount)
                .replace("2026-03-16", dueDate);
        assertThat(post("/api/receivables", body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aDisputeIsOpenedResolvedAndBadRequestsAreRefused() {
        register("dapi-1", "cust-dapi-1", "1500.00", "2026-03-16");

        assertThat(post("/api/receivables/dapi-1/disputes", "{\"reason\": \"\"}").getBody().get("field").asText()).isEqualTo("reason");
        assertThat(post("/api/receivables/nobody/disputes", "{\"reason\": \"x\"}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> opened = post("/api/receivables/dapi-1/disputes", "{\"reason\": \"Cobrança em duplicidade\"}");
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = opened.getBody().get("id").asText();
        assertThat(opened.getBody().get("status").asText()).isEqualTo("OPEN");
        assertThat(http.getForObject("/api/receivables/dapi-1", JsonNode.class).get("status").asText()).isEqualTo("DISPUTED");
        assertThat(caseOf("dapi-1")).isWaitingAt(CollectionProcess.USER_TASK_REVIEW_DISPUTE);
        assertThat(post("/api/receivables/dapi-1/disputes", "{\"reason\": \"de novo\"}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        ResponseEntity<JsonNode> noOutcome = post("/api/disputes/" + id + "/resolution", "{}");
        assertThat(noOutcome.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noOutcome.getBody().get("field").asText()).isEqualTo("outcome");
        ResponseEntity<JsonNode> badOutcome = post("/api/disputes/" + id + "/resolution", "{\"outcome\": \"MAYBE\"}");
        assertThat(badOutcome.getBody().get("field").asText()).isEqualTo("outcome");
        ResponseEntity<JsonNode> correctionOnReject = post("/api/disputes/" + id + "/resolution",
                "{\"outcome\": \"REJECTED\", \"correctedAmount\": \"100.00\"}");
        assertThat(correctionOnReject.getBody().get("field").asText()).isEqualTo("correctedAmount");

        ResponseEntity<JsonNode> resolved = post("/api/disputes/" + id + "/resolution",
                "{\"outcome\": \"REJECTED\", \"note\": \"Houve uma só cobrança\"}");
        assertThat(resolved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(resolved.getBody().get("status").asText()).isEqualTo("REJECTED");
        assertThat(http.getForObject("/api/receivables/dapi-1", JsonNode.class).get("status").asText()).isEqualTo("OPEN");
        assertThat(post("/api/disputes/" + id + "/resolution", "{\"outcome\": \"UPHELD\"}").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(http.getForEntity("/api/disputes/nope", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aCustomerWithSeveralDebtsGetsOneOfferForAllOfThemAndPaymentsGoToTheOldestFirst() {
        register("dapi-multi-1", "cust-dapi-multi", "400.00", "2026-03-10");
        register("dapi-multi-2", "cust-dapi-multi", "600.00", "2026-03-16");
        setClock("2026-04-25T10:00:00-03:00");

        JsonNode offers = http.getForObject("/api/customers/cust-dapi-multi/offers", JsonNode.class);

        assertThat(offers.get("receivables").toString()).contains("dapi-multi-1", "dapi-multi-2");
        assertThat(offers.get("principal").asText()).isEqualTo("1000.00");
        JsonNode two = null;
        for (JsonNode o : offers.get("offers")) {
            if (o.get("installmentCount").asInt() == 2) {
                two = o;
            }
        }
        ResponseEntity<JsonNode> agreement = post("/api/agreements", "{\"offerId\": \"" + two.get("id").asText() + "\"}");
        assertThat(agreement.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = agreement.getBody().get("id").asText();
        assertThat(http.getForObject("/api/receivables/dapi-multi-1", JsonNode.class).get("status").asText()).isEqualTo("IN_AGREEMENT");
        assertThat(http.getForObject("/api/receivables/dapi-multi-2", JsonNode.class).get("status").asText()).isEqualTo("IN_AGREEMENT");

        post("/api/payments", """
                {"externalId": "dapi-multi-p1", "agreementId": "%s", "installment": 1, "amount": "500.00", "method": "PIX",
                 "paidAt": "2026-04-25T09:00:00-03:00"}""".formatted(id));

        // the oldest receivable is paid off first (with the charges it carries until the agreement is kept)
        JsonNode oldest = http.getForObject("/api/receivables/dapi-multi-1", JsonNode.class);
        assertThat(oldest.at("/charges/principal").asText()).isEqualTo("0.00");
        JsonNode newest = http.getForObject("/api/receivables/dapi-multi-2", JsonNode.class);
        assertThat(newest.at("/charges/principal").asText()).isNotEqualTo("600.00");
    }

    @Test
    void anInstallmentPaymentNamesAnAgreementThatExists() {
        ResponseEntity<JsonNode> response = post("/api/payments", """
                {"externalId": "dapi-nope", "agreementId": "nope", "installment": 1, "amount": "10.00", "method": "PIX",
                 "paidAt": "2026-03-02T09:00:00-03:00"}""");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("field").asText()).isEqualTo("agreementId");
        ResponseEntity<JsonNode> neither = post("/api/payments", """
                {"externalId": "dapi-neither", "amount": "10.00", "method": "PIX", "paidAt": "2026-03-02T09:00:00-03:00"}""");
        assertThat(neither.getBody().get("field").asText()).isEqualTo("receivableExternalId");
    }
}
