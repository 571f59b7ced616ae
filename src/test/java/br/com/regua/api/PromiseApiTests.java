package br.com.regua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import br.com.regua.security.Role;
import br.com.regua.support.ReguaSpringTests;

/**
 * Promises to pay over real HTTP. A consumer Régua has never seen pay (a new customer: two
 * promises per case, up to 7 days ahead, 1 day and R$ 2,00 of tolerance) owes R$ 1.500,00 due
 * Monday 16 March 2026; on Monday 23 March at 10:00 it is 7 days overdue.
 */
class PromiseApiTests extends ReguaSpringTests {

    TestRestTemplate backend;
    TestRestTemplate collector;

    @BeforeEach
    void signIn() {
        backend = as(Role.INTEGRATION);
        collector = as(Role.COLLECTOR);
        setClock("2026-03-02T10:00:00-03:00");
    }

    static ResponseEntity<JsonNode> post(TestRestTemplate http, String path, String content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(content, headers), JsonNode.class);
    }

    private void registered(String externalId) {
        assertThat(post(backend, "/api/receivables", ReceivableApiTests.body(externalId)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        setClock("2026-03-23T10:00:00-03:00");
    }

    private ResponseEntity<JsonNode> promise(String externalId, String amount, String date) {
        return post(collector, "/api/receivables/" + externalId + "/promises", """
                {"amount": "%s", "date": "%s"}""".formatted(amount, date));
    }

    private JsonNode promises(String externalId) {
        ResponseEntity<JsonNode> list = as(Role.CREDIT_MANAGER).getForEntity("/api/receivables/" + externalId + "/promises", JsonNode.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        return list.getBody();
    }

    private void pay(String externalId, String amount, String paidAt) {
        setClock(paidAt);
        assertThat(post(backend, "/api/payments", """
                {"externalId": "%1$s-%2$s", "receivableExternalId": "%1$s", "amount": "%3$s", "method": "PIX", "paidAt": "%2$s"}"""
                .formatted(externalId, paidAt, amount)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private static void refused(ResponseEntity<JsonNode> response, HttpStatus status, String field, String... detail) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().toString()).contains("\"" + field + "\"").doesNotContain("java.", "Exception");
        if (detail.length > 0) {
            assertThat(response.getBody().get("detail").asText()).contains(detail);
        }
    }

    @Test
    void aCollectorRecordsAPromiseAndTheCaseShowsItHeldUntilTheEndOfTheTolerance() {
        registered("pro-made");

        ResponseEntity<JsonNode> made = promise("pro-made", "500.00", "2026-03-26");

        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode p = made.getBody();
        assertThat(p.get("status").asText()).isEqualTo("OPEN");
        assertThat(p.get("receivable").asText()).isEqualTo("pro-made");
        assertThat(p.get("amount").asText()).isEqualTo("500.00");
        assertThat(p.get("date").asText()).isEqualTo("2026-03-26");
        assertThat(p.get("toleranceDays").asInt()).isEqualTo(1);
        assertThat(p.get("toleranceAmount").asText()).isEqualTo("2.00");
        assertThat(p.get("keptBy").asText()).isEqualTo("2026-03-27");
        assertThat(p.get("madeBy").asText()).isEqualTo(br.com.regua.support.TestUsers.user(Role.COLLECTOR));
        assertThat(promises("pro-made")).singleElement().satisfies(e -> assertThat(e.get("id")).isEqualTo(p.get("id")));
        JsonNode receivable = backend.getForObject("/api/receivables/pro-made", JsonNode.class);
        assertThat(OffsetDateTime.parse(receivable.at("/nextStep/at").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-03-28T00:00:00-03:00"));
        assertThat(receivable.get("timeline").findValuesAsText("type")).contains("PROMISE");
        JsonNode decisions = as(Role.CREDIT_MANAGER).getForObject("/api/receivables/pro-made/decisions", JsonNode.class);
        assertThat(decisions.findParents("kind")).anySatisfy(d -> {
            assertThat(d.get("kind").asText()).isEqualTo("PROMISE");
            assertThat(d.get("outputs").get("toleranceDays").asInt()).isEqualTo(1);
            assertThat(d.get("rulesFired").toString()).contains("New customers may promise twice");
        });
    }

    @Test
    void aPromiseIsRefusedDuringAnAgreementAndNothingIsRecorded() {
        registered("pro-agreement");
        setClock("2026-04-25T10:00:00-03:00");
        JsonNode offers = backend.getForObject("/api/receivables/pro-agreement/offers", JsonNode.class);
        String offerId = AgreementApiTests.plan(offers, 2).get("id").asText();
        assertThat(post(backend, "/api/agreements", "{\"offerId\": \"" + offerId + "\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);

        refused(promise("pro-agreement", "500.00", "2026-04-28"), HttpStatus.CONFLICT, "externalId", "in an agreement");

        assertThat(promises("pro-agreement")).isEmpty();
    }

    @Test
    void aPromiseIsRefusedDuringADisputeAndOnAPaidReceivable() {
        registered("pro-dispute");
        assertThat(post(backend, "/api/receivables/pro-dispute/disputes", "{\"reason\": \"Não reconheço esta cobrança\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);

        refused(promise("pro-dispute", "500.00", "2026-03-26"), HttpStatus.CONFLICT, "externalId", "disputed");
        assertThat(promises("pro-dispute")).isEmpty();

        setClock("2026-03-02T10:00:00-03:00");
        registered("pro-paid");
        pay("pro-paid", "1500.00", "2026-03-10T10:00:00-03:00");
        refused(promise("pro-paid", "500.00", "2026-03-12"), HttpStatus.CONFLICT, "externalId", "PAID");
        assertThat(promises("pro-paid")).isEmpty();
    }

    @Test
    void beyondThePolicysLimitsAPromiseIsRefusedWith422NamingTheField() {
        registered("pro-limits");

        // a new customer may promise up to 7 days ahead: 30 March, not 31
        refused(promise("pro-limits", "500.00", "2026-03-31"), HttpStatus.UNPROCESSABLE_ENTITY, "date", "7 days ahead", "2026-03-30");
        refused(promise("pro-limits", "500.00", "2026-03-22"), HttpStatus.UNPROCESSABLE_ENTITY, "date", "today");
        // R$ 1.500,00 plus 2% fine and interest by 30 March: R$ 1.537,00
        refused(promise("pro-limits", "1537.01", "2026-03-30"), HttpStatus.UNPROCESSABLE_ENTITY, "amount", "more than is owed", "1537.00");
        refused(promise("pro-limits", "-5.00", "2026-03-30"), HttpStatus.BAD_REQUEST, "amount");
        refused(promise("pro-limits", "10.001", "2026-03-30"), HttpStatus.BAD_REQUEST, "amount");
        refused(post(collector, "/api/receivables/pro-limits/promises", "{\"amount\": \"500.00\"}"), HttpStatus.BAD_REQUEST, "date");
        assertThat(promises("pro-limits")).as("nothing recorded").isEmpty();

        assertThat(promise("pro-limits", "1537.00", "2026-03-30").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aCaseTakesOnePromiseAtATimeAndNoMoreThanThePolicyAllows() {
        registered("pro-count");

        assertThat(promise("pro-count", "300.00", "2026-03-25").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        refused(promise("pro-count", "300.00", "2026-03-27"), HttpStatus.CONFLICT, "externalId", "already open");
        pay("pro-count", "300.00", "2026-03-24T10:00:00-03:00");
        assertThat(promises("pro-count").get(0).get("status").asText()).isEqualTo("KEPT");

        assertThat(promise("pro-count", "300.00", "2026-03-27").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        pay("pro-count", "300.00", "2026-03-26T10:00:00-03:00");

        refused(promise("pro-count", "300.00", "2026-03-30"), HttpStatus.UNPROCESSABLE_ENTITY, "externalId", "at most 2");
        assertThat(promises("pro-count")).hasSize(2).allSatisfy(p -> assertThat(p.get("status").asText()).isEqualTo("KEPT"));
    }

    @Test
    void anUnknownReceivableIs404() {
        ResponseEntity<JsonNode> response = promise("pro-nobody", "100.00", "2026-03-26");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as(Role.ANALYST).getForEntity("/api/receivables/pro-nobody/promises", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
