package br.com.regua.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.util.Base64;

import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.cases.CollectionProcess;
import br.com.regua.support.ReguaSpringTests;
import br.com.regua.security.Role;

/**
 * Offers and agreements over real HTTP. A consumer Régua has never seen pay owes R$ 1.500,00 due
 * Monday 16 March 2026; on Saturday 25 April it is 40 days overdue.
 */
class AgreementApiTests extends ReguaSpringTests {

    TestRestTemplate http;

    @BeforeEach
    void signInAsBackend() {
        http = as(Role.INTEGRATION);
    }
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void registeredBeforeTheDueDate() {
        setClock("2026-03-02T10:00:00-03:00");
    }

    ResponseEntity<JsonNode> post(String path, String content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(content, headers), JsonNode.class);
    }

    void register(String externalId, String customer, String amount) {
        String body = ReceivableApiTests.body(externalId).replace("cust-" + externalId, customer).replace("1500.00", amount);
        assertThat(post("/api/receivables", body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    JsonNode offers(String externalId) {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/receivables/" + externalId + "/offers", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    static JsonNode plan(JsonNode offers, int installments) {
        for (JsonNode o : offers.get("offers")) {
            if (o.get("installmentCount").asInt() == installments) {
                return o;
            }
        }
        throw new AssertionError("no plan of " + installments + " in " + offers);
    }

    ResponseEntity<JsonNode> accept(String offerId) {
        return post("/api/agreements", json.createObjectNode().put("offerId", offerId).toString());
    }

    ResponseEntity<JsonNode> payInstallment(String paymentId, String agreementId, int installment, String amount, String paidAt) {
        return post("/api/payments", """
                {"externalId": "%s", "agreementId": "%s", "installment": %d, "amount": "%s", "method": "PIX", "paidAt": "%s"}"""
                .formatted(paymentId, agreementId, installment, amount, paidAt));
    }

    @Test
    void aDebtFortyDaysOverdueGetsTheOffersTheRulesAllowAddingUpToTheCent() {
        register("agr-offers", "cust-agr-offers", "1500.00");
        setClock("2026-04-25T10:00:00-03:00");

        JsonNode offers = offers("agr-offers");

        assertThat(offers.get("renegotiationAllowed").asBoolean()).isTrue();
        assertThat(offers.get("total").asText()).isEqualTo("1550.00"); // 1,500.00 + 30.00 fine (2%) + 20.00 interest (1% a month for 40 days)
        JsonNode payNow = offers.get("offers").get(0);
        assertThat(payNow.get("kind").asText()).isEqualTo("PAY_NOW");
        // a new customer 40 days overdue: 5% off the principal, fine and interest waived
        assertThat(payNow.at("/breakdown/discount").asText()).isEqualTo("75.00");
        assertThat(payNow.at("/breakdown/waivedCharges").asText()).isEqualTo("50.00");
        assertThat(payNow.get("total").asText()).isEqualTo("1425.00");
        assertThat(payNow.get("expiresOn").asText()).isEqualTo("2026-05-05");
        // up to 3 installments, no discount on the principal, charges waived, no interest
        assertThat(offers.get("offers")).hasSize(3);
        JsonNode three = plan(offers, 3);
        assertThat(three.get("total").asText()).isEqualTo("1500.00");
        assertThat(three.get("installments").findValuesAsText("amount")).containsExactly("500.00", "500.00", "500.00");
        assertThat(three.get("installments").findValuesAsText("dueDate")).containsExactly("2026-05-05", "2026-06-05", "2026-07-05");
        for (JsonNode o : offers.get("offers")) {
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode i : o.get("installments")) {
                sum = sum.add(new BigDecimal(i.get("amount").asText()));
            }
            assertThat(sum).isEqualByComparingTo(o.get("total").asText());
            assertThat(o.get("id").asText()).isNotBlank();
        }
        JsonNode view = http.getForObject("/api/receivables/agr-offers", JsonNode.class);
        assertThat(view.get("timeline").findValuesAsText("kind")).contains("OFFER");
    }

    @Test
    void acceptingAnOfferMakesAnAgreementAndTheCaseWaits() {
        register("agr-accept", "cust-agr-accept", "1500.00");
        setClock("2026-04-25T10:00:00-03:00");
        String offerId = plan(offers("agr-accept"), 3).get("id").asText();

        ResponseEntity<JsonNode> created = accept(offerId);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode agreement = created.getBody();
        assertThat(agreement.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(agreement.get("installments")).hasSize(3);
        assertThat(agreement.at("/installments/0/pixCopiaECola").asText()).startsWith("000201").contains("br.gov.bcb.pix", "500.00");
        assertThat(http.getForObject("/api/receivables/agr-accept", JsonNode.class).get("status").asText()).isEqualTo("IN_AGREEMENT");
        ProcessInstance collection = caseOf("agr-accept");
        assertThat(collection).isWaitingAt(CollectionProcess.AWAIT_AGREEMENT_OUTCOME);
        assertThat(http.getForObject("/api/agreements/" + agreement.get("id").asText(), JsonNode.class).get("status").asText())
                .isEqualTo("ACTIVE");
        ResponseEntity<JsonNode> direct = post("/api/payments", """
                {"externalId": "agr-accept-direct", "receivableExternalId": "agr-accept", "amount": "100.00", "method": "PIX",
                 "paidAt": "2026-04-25T09:00:00-03:00"}""");
        assertThat(direct.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(direct.getBody().get("detail").asText()).contains("installments");
    }

    @Test
    void theSameOfferAcceptedTwiceIsOneAgreement() {
        register("agr-twice", "cust-agr-twice", "1500.00");
        setClock("2026-04-25T10:00:00-03:00");
        String offerId = plan(offers("agr-twice"), 2).get("id").asText();

        String first = accept(offerId).getBody().get("id").asText();
        ResponseEntity<JsonNode> again = accept(offerId);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("id").asText()).isEqualTo(first);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("agreement").processInstanceBusinessKey(first).count())
                .isEqualTo(1);
    }

    @Test
    void aTamperedOfferIsRefusedNamingTheFieldAndNothingIsCreated() throws Exception {
        register("agr-tampered", "cust-agr-tampered", "1500.00");
        setClock("2026-04-25T10:00:00-03:00");
        String offerId = offers("agr-tampered").get("offers").get(0).get("id").asText();
        String terms = new String(Base64.getUrlDecoder().decode(offerId.substring(0, offerId.indexOf('.'))));
        String cheaper = terms.replace("\"total\":\"1425.00\"", "\"total\":\"1.00\"");
        assertThat(cheaper).isNotEqualTo(terms);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(cheaper.getBytes()) + offerId.substring(offerId.indexOf('.'));

        for (String bad : new String[] {forged, "not-an-offer", offerId + "x"}) {
            ResponseEntity<JsonNode> response = accept(bad);
            assertThat(response.getStatusCode()).as(bad).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody().get("field").asText()).isEqualTo("offerId");
            assertThat(response.getBody().toString()).doesNotContain("java.", "Exception");
        }
        assertThat(http.getForObject("/api/receivables/agr-tampered", JsonNode.class).get("status").asText()).isEqualTo("OPEN");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("agreement").list())
                .noneMatch(p -> p.getBusinessKey() == null);
        assertThat(caseOf("agr-tampered")).isNotWaitingAt(CollectionProcess.AWAIT_AGREEMENT_OUTCOME);
    }

    @Test
    void anExpiredOfferIsAConflictAndAPaymentSinceTheOfferVoidsIt() {
        register("agr-expired", "cust-agr-expired", "1500.00");
        setClock("2026-04-25T10:00:00-03:00");
        String offerId = offers("agr-expired").get("offers").get(0).get("id").asText();

        setClock("2026-05-06T10:00:00-03:00"); // the day after it expired
        ResponseEntity<JsonNode> expired = accept(offerId);

        assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(expired.getBody().get("field").asText()).isEqualTo("offerId");
        assertThat(expired.getBody().get("detail").asText()).contains("expired");
        assertThat(http.getForObject("/api/receivables/agr-expired", JsonNode.class).get("status").asText()).isEqualTo("OPEN");

        String fresh = offers("agr-expired").get("offers").get(0).get("id").asText();
        post("/api/payments", """
                {"externalId": "agr-expired-partial", "receivableExternalId": "agr-expired", "amount": "100.00", "method": "PIX",
                 "paidAt": "2026-05-06T09:00:00-03:00"}""");
        ResponseEntity<JsonNode> changed = accept(fresh);
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(changed.getBody().get("detail").asText()).contains("changed");
    }

    @Test
    void installmentsPaidOverHttpOneByOneCloseTheDebt() {
        register("agr-paid", "cust-agr-paid", "1500.00");
        setClock("2026-04-25T10:00:00-03:00");
        String id = accept(plan(offers("agr-paid"), 3).get("id").asText()).getBody().get("id").asText();

        setClock("2026-05-04T10:00:00-03:00");
        ResponseEntity<JsonNode> first = payInstallment("agr-paid-1", id, 1, "500.00", "2026-05-04T09:00:00-03:00");
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody().get("agreementStatus").asText()).isEqualTo("ACTIVE");
        assertThat(payInstallment("agr-paid-1", id, 1, "500.00", "2026-05-04T09:00:00-03:00").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(payInstallment("agr-paid-1", id, 1, "400.00", "2026-05-04T09:00:00-03:00").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(payInstallment("agr-paid-1b", id, 1, "500.00", "2026-05-04T09:00:00-03:00").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<JsonNode> noSuch = payInstallment("agr-paid-9", id, 9, "500.00", "2026-05-04T09:00:00-03:00");
        assertThat(noSuch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noSuch.getBody().get("field").asText()).isEqualTo("installment");

        setClock("2026-06-03T10:00:00-03:00");
        payInstallment("agr-paid-2", id, 2, "500.00", "2026-06-03T09:00:00-03:00");
        setClock("2026-07-06T10:00:00-03:00"); // a day late, within the grace
        ResponseEntity<JsonNode> last = payInstallment("agr-paid-3", id, 3, "500.00", "2026-07-06T09:00:00-03:00");

        assertThat(last.getBody().get("agreementStatus").asText()).isEqualTo("KEPT");
        JsonNode agreement = http.getForObject("/api/agreements/" + id, JsonNode.class);
        assertThat(agreement.get("installments").findValuesAsText("paid")).containsOnly("true");
        assertThat(agreement.get("installments").findValuesAsText("late")).containsExactly("false", "false", "true");
        JsonNode receivable = http.getForObject("/api/receivables/agr-paid", JsonNode.class);
        assertThat(receivable.get("status").asText()).isEqualTo("PAID");
        assertThat(receivable.get("stage").asText()).isEqualTo("PAID");
        assertThat(caseOf("agr-paid")).isNull(); // ended with a thank-you
    }

    @Test
    void anUnknownAgreementIsNotFound() {
        assertThat(http.getForEntity("/api/agreements/nope", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/receivables/nobody/offers", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
