package br.com.regua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

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

import br.com.regua.contact.ContactService;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.security.Role;
import br.com.regua.support.ReguaSpringTests;

/**
 * The punctuality discount over real HTTP. A consumer owes R$ 1.500,00 due Monday 16 March 2026,
 * registered on 2 March. The default policy takes 5% off the principal of a good payer (three
 * payments on time) who pays by the due date, and nothing off a risky customer's.
 */
class PunctualityApiTests extends ReguaSpringTests {

    TestRestTemplate http;

    @Autowired
    ReceivableRepository receivables;
    @Autowired
    ContactService contacts;

    @BeforeEach
    void signInAsBackendBeforeTheDueDate() {
        http = as(Role.INTEGRATION);
        setClock("2026-03-02T10:00:00-03:00");
    }

    ResponseEntity<JsonNode> post(String path, String content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(content, headers), JsonNode.class);
    }

    /** A receivable of a customer who paid three debts on time before: a good payer. */
    long registerGoodPayer(String externalId) {
        assertThat(post("/api/receivables", ReceivableApiTests.body(externalId)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long customerId = receivables.findCustomer("cust-" + externalId).orElseThrow().id();
        for (int i = 0; i < 3; i++) {
            receivables.recordPaid(customerId, 0);
        }
        return customerId;
    }

    ResponseEntity<JsonNode> pay(String paymentId, String externalId, String amount, String paidAt) {
        return post("/api/payments", """
                {"externalId": "%s", "receivableExternalId": "%s", "amount": "%s", "method": "PIX", "paidAt": "%s"}"""
                .formatted(paymentId, externalId, amount, paidAt));
    }

    @Test
    void aGoodPayerPayingThePrincipalLessTheDiscountOnTheDueDateSettlesItAndTheDiscountIsRecorded() {
        registerGoodPayer("pun-on-time");
        setClock("2026-03-16T18:00:00-03:00");

        ResponseEntity<JsonNode> paid = pay("pun-on-time-1", "pun-on-time", "1425.00", "2026-03-16T17:30:00-03:00");

        assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(paid.getBody().get("receivableStatus").asText()).isEqualTo("PAID");
        assertThat(paid.getBody().at("/payment/punctualityDiscount").asText()).isEqualTo("75.00"); // 5% of 1,500.00
        assertThat(paid.getBody().at("/payment/appliedPrincipal").asText()).isEqualTo("1425.00");
        assertThat(paid.getBody().at("/payment/excess").asText()).isEqualTo("0.00");
        assertThat(http.getForObject("/api/receivables/pun-on-time", JsonNode.class).get("status").asText()).isEqualTo("PAID");
        // the recovery report counts the discount granted, and the receivable as owing nothing after it
        JsonNode report = as(Role.CREDIT_MANAGER).getForObject("/api/reports/recovery?from=2026-03-01&to=2026-03-31", JsonNode.class);
        assertThat(report.at("/punctuality/count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(new java.math.BigDecimal(report.at("/punctuality/discounts").asText())).isGreaterThanOrEqualTo(new java.math.BigDecimal("75.00"));
    }

    @Test
    void oneDayLateTheSameAmountOwesTheFullPrincipalAndTheLateCharges() {
        registerGoodPayer("pun-late");
        setClock("2026-03-17T10:00:00-03:00");

        ResponseEntity<JsonNode> paid = pay("pun-late-1", "pun-late", "1425.00", "2026-03-17T09:00:00-03:00");

        assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(paid.getBody().get("receivableStatus").asText()).isEqualTo("OPEN");
        assertThat(paid.getBody().at("/payment/punctualityDiscount").asText()).isEqualTo("0.00");
        // interest of one day (0.50) and the 2% fine (30.00) come first, the rest goes to the principal
        assertThat(paid.getBody().at("/payment/appliedFine").asText()).isEqualTo("30.00");
        assertThat(paid.getBody().at("/payment/appliedPrincipal").asText()).isEqualTo("1394.50");
    }

    @Test
    void aSegmentWithoutTheDiscountOwesTheFullAmountEvenOnTheDueDate() {
        long customerId = registerGoodPayer("pun-risky");
        receivables.recordAgreementBroken(customerId, LocalDate.of(2026, 3, 1)); // a broken agreement: risky, no discount
        setClock("2026-03-16T18:00:00-03:00");

        ResponseEntity<JsonNode> paid = pay("pun-risky-1", "pun-risky", "1425.00", "2026-03-16T17:30:00-03:00");

        assertThat(paid.getBody().get("receivableStatus").asText()).isEqualTo("OPEN");
        assertThat(paid.getBody().at("/payment/punctualityDiscount").asText()).isEqualTo("0.00");
        assertThat(paid.getBody().at("/payment/appliedPrincipal").asText()).isEqualTo("1425.00");
    }

    @Test
    void aPaymentShortOfTheDiscountedAmountIsPartialAndTheFullPrincipalOneNeedsNoDiscount() {
        registerGoodPayer("pun-short");
        registerGoodPayer("pun-full");
        setClock("2026-03-10T10:00:00-03:00");

        ResponseEntity<JsonNode> short_ = pay("pun-short-1", "pun-short", "1424.99", "2026-03-10T09:00:00-03:00");
        ResponseEntity<JsonNode> full = pay("pun-full-1", "pun-full", "1500.00", "2026-03-10T09:00:00-03:00");

        assertThat(short_.getBody().get("receivableStatus").asText()).isEqualTo("OPEN");
        assertThat(short_.getBody().at("/payment/punctualityDiscount").asText()).isEqualTo("0.00");
        assertThat(full.getBody().get("receivableStatus").asText()).isEqualTo("PAID");
        assertThat(full.getBody().at("/payment/punctualityDiscount").asText()).isEqualTo("0.00");
    }

    @Test
    void theReminderBeforeTheDueDateSaysTheDiscountAndItsPixCodeAsksForTheDiscountedAmount() {
        registerGoodPayer("pun-reminder");
        String caseId = caseOf("pun-reminder").getId();

        fireTimersUntilPassed(caseId, "Task_ClassifyDebtor", 3);
        while (contacts.forReceivable(receivables.findByExternalId("pun-reminder").orElseThrow().id()).stream()
                .noneMatch(c -> "PRE_DUE_REMINDER".equals(c.stage())) && fireNextTimer(caseId)) {
            // the schedule walks to its first message
        }

        List<ContactService.Contact> reminders = contacts.forReceivable(receivables.findByExternalId("pun-reminder").orElseThrow().id())
                .stream().filter(c -> "PRE_DUE_REMINDER".equals(c.stage())).toList();
        assertThat(reminders).isNotEmpty();
        ContactService.Contact email = reminders.stream().filter(c -> c.channel().name().equals("EMAIL")).findFirst().orElseThrow();
        assertThat(email.body()).contains("Desconto de pontualidade", "pagando até 16/03/2026, você paga R$ 1.425,00 em vez de R$ 1.500,00",
                "R$ 75,00 de desconto", "Como pagar até 16/03/2026 com o desconto de pontualidade (R$ 1.425,00)");
        // the PIX code's amount field (ID 54) carries the discounted amount
        assertThat(email.body()).contains("54071425.00");
    }
}
