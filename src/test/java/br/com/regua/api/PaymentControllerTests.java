package br.com.regua.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import br.com.regua.agreement.AgreementService;
import br.com.regua.config.JsonConfig;
import br.com.regua.payment.NewPayment;
import br.com.regua.payment.Payment;
import br.com.regua.payment.PaymentMethod;
import br.com.regua.payment.PaymentService;
import br.com.regua.receivable.ReceivableStatus;
import br.com.regua.security.Role;
import br.com.regua.security.SecuritySlice;

/**
 * The payments' HTTP layer alone ({@code @WebMvcTest}): a payment of a receivable goes to the ledger,
 * a payment naming an agreement's installment goes to the agreement, and one that cannot be read
 * reaches neither. The end-to-end payment walks stay in the server tests.
 */
@WebMvcTest(PaymentController.class)
@Import({SecuritySlice.class, JsonConfig.class})
class PaymentControllerTests {

    static final String PIX = """
            {"externalId": "pix-1", "receivableExternalId": "inv-1", "amount": %s, "method": "PIX",
             "paidAt": "2026-03-02T09:00:00-03:00"%s}""";

    @Autowired
    MockMvc http;
    @MockitoBean
    PaymentService payments;
    @MockitoBean
    AgreementService agreements;

    ResultActions pay(Role role, String body) throws Exception {
        return http.perform(post("/api/payments").with(ReceivableControllerTests.as(role))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aPaymentOfAReceivableGoesToTheLedgerAndSaysWhatItPaid() throws Exception {
        Payment paid = new Payment("pix-1", "inv-1", new BigDecimal("100.00"), PaymentMethod.PIX,
                OffsetDateTime.parse("2026-03-02T09:00:00-03:00"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("100.00"),
                BigDecimal.ZERO, BigDecimal.ZERO, "hash");
        when(payments.register(any())).thenReturn(new PaymentService.Outcome(paid, true, ReceivableStatus.OPEN));

        pay(Role.INTEGRATION, PIX.formatted("\"100.00\"", ""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.receivableStatus").value("OPEN"))
                .andExpect(jsonPath("$.payment.appliedPrincipal").value("100.00"))
                .andExpect(jsonPath("$.payment.contentHash").doesNotExist());

        ArgumentCaptor<NewPayment> read = ArgumentCaptor.forClass(NewPayment.class);
        verify(payments).register(read.capture());
        assertThat(read.getValue().amount()).isEqualByComparingTo("100.00");
        assertThat(read.getValue().paysAnInstallment()).isFalse();
        verifyNoInteractions(agreements);
    }

    @Test
    void aPaymentAnAgencyCollectedNamesItAndTheServiceHearsWhich() throws Exception {
        Payment paid = new Payment("pix-1", "inv-1", new BigDecimal("100.00"), PaymentMethod.PIX,
                OffsetDateTime.parse("2026-03-02T09:00:00-03:00"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("100.00"),
                BigDecimal.ZERO, BigDecimal.ZERO, "hash", "alfa", new BigDecimal("0.10"), new BigDecimal("10.00"));
        when(payments.register(any())).thenReturn(new PaymentService.Outcome(paid, true, ReceivableStatus.OPEN));

        pay(Role.INTEGRATION, PIX.formatted("\"100.00\"", ", \"agency\": \"alfa\""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.payment.agency").value("alfa"))
                .andExpect(jsonPath("$.payment.agencyCommission").value("10.00"));

        ArgumentCaptor<NewPayment> read = ArgumentCaptor.forClass(NewPayment.class);
        verify(payments).register(read.capture());
        assertThat(read.getValue().agency()).isEqualTo("alfa");
    }

    @Test
    void anAgreementsInstallmentNamingAnAgencyIsRefusedNamingTheFieldAndPaysNothing() throws Exception {
        ReceivableControllerTests.assertInvalid(
                pay(Role.INTEGRATION, PIX.formatted("\"100.00\"", ", \"agreementId\": \"ag-1\", \"installment\": 1, \"agency\": \"alfa\"")),
                "agency");
        verifyNoInteractions(payments, agreements);
    }

    @ParameterizedTest
    @ValueSource(strings = {"100.0", "100", "\"1e2\"", "\"100,00\""})
    void anAmountThatIsNotAPlainDecimalStringPaysNothing(String amount) throws Exception {
        ReceivableControllerTests.assertInvalid(pay(Role.INTEGRATION, PIX.formatted(amount, "")), "amount");
        ReceivableControllerTests.assertInvalid(
                pay(Role.INTEGRATION, PIX.formatted(amount, ", \"agreementId\": \"ag-1\", \"installment\": 1")), "amount");
        verifyNoInteractions(payments, agreements);
    }

    @Test
    void collectorsManagersAnalystsAndMonitoringCannotRegisterPayments() throws Exception {
        for (Role role : new Role[] {Role.COLLECTOR, Role.CREDIT_MANAGER, Role.ANALYST, Role.MONITORING}) {
            pay(role, PIX.formatted("\"100.00\"", "")).andExpect(status().isForbidden());
        }
        verifyNoInteractions(payments, agreements);
    }
}
