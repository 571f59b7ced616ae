package br.com.regua.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import br.com.regua.config.ReguaProperties;
import br.com.regua.policy.CustomerType;
import br.com.regua.policy.OfferTerms;
import br.com.regua.policy.PaymentHistory;
import br.com.regua.policy.Stage;
import br.com.regua.receivable.Charges;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Ledger;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableStatus;

class TemplatesTests {

    private static final Templates TEMPLATES = new Templates();
    private static final ReguaProperties.Creditor CREDITOR =
            new ReguaProperties.Creditor("Escola Aurora Ltda.", "14.572.457/0001-85", "Rua das Flores, 10, Campinas - SP", "(19) 3000-0000");

    private static Map<String, String> values() {
        LocalDate due = LocalDate.of(2026, 3, 16);
        Receivable r = new Receivable(1, "INV-1", 1, "h", new BigDecimal("1500.00"), due.minusDays(15), due, "Mensalidade de março",
                Ledger.opening(new BigDecimal("1500.00"), due), ReceivableStatus.OPEN, Stage.REGISTERED, null, null, null, null, null, 0, null);
        Customer c = new Customer(1, "C-1", "Maria da Silva", "52998224725", CustomerType.CONSUMER, "maria@example.com", null, "SP",
                PaymentHistory.none());
        Charges charges = new Charges(due.plusDays(30), new BigDecimal("1500.00"), new BigDecimal("30.00"), new BigDecimal("15.00"),
                new BigDecimal("1545.00"));
        OfferTerms offer = new OfferTerms();
        offer.setPrincipalDiscount(new BigDecimal("0.10"));
        offer.setWaiveCharges(true);
        offer.setMaxInstallments(6);
        offer.setMinInstallment(new BigDecimal("50.00"));
        offer.setValidDays(10);
        return MessageValues.of(r, c, charges, offer, due.plusDays(45), CREDITOR);
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void everyStageThatSpeaksRendersWithEveryValueAndNamesTheCreditor(Stage stage) {
        if (!TEMPLATES.speaksAt(stage)) {
            return;
        }
        Templates.Message m = TEMPLATES.render(stage, values());

        assertThat(m.subject()).isNotBlank().doesNotContain("{{");
        assertThat(m.body()).doesNotContain("{{", "}}", "null").contains("Maria da Silva", "Escola Aurora Ltda.", "14.572.457/0001-85");
    }

    @Test
    void stagesWithAnAmountShowItBrokenDown() {
        for (Stage stage : new Stage[] {Stage.FRIENDLY_REMINDER, Stage.RENEGOTIATION_OFFER, Stage.FORMAL_NOTICE,
                Stage.BUREAU_PRIOR_NOTICE, Stage.SERVICE_SUSPENSION_NOTICE, Stage.COLLECTION_AGENCY, Stage.LEGAL_REFERRAL}) {
            assertThat(TEMPLATES.render(stage, values()).body())
                    .contains("Valor principal: R$ 1.500,00", "Multa: R$ 30,00", "Juros de mora: R$ 15,00", "Total: R$ 1.545,00");
        }
    }

    @Test
    void theOfferSaysWhatItGivesAndUntilWhen() {
        String body = TEMPLATES.render(Stage.RENEGOTIATION_OFFER, values()).body();
        assertThat(body).contains("10% de desconto no valor principal e isenção de multa e juros", "R$ 1.350,00",
                "até 6 vezes", "R$ 50,00", "25/04/2026");
    }

    @Test
    void theInstallmentReminderSaysWhichInstallmentWhenAndHowMuchPolitely() {
        Map<String, String> v = new java.util.HashMap<>(values());
        v.putAll(Map.of("acordo", "A-1", "parcela", "2", "parcelas", "3", "valor_parcela", "R$ 500,00", "pago", "R$ 0,00",
                "valor", "R$ 500,00", "forma_pagamento", "Para pagar por PIX, use o código abaixo: 000201..."));

        Templates.Message m = TEMPLATES.render("AGREEMENT_INSTALLMENT_REMINDER", v);

        assertThat(m.subject()).isEqualTo("Lembrete: parcela 2 de 3 do seu acordo vence em 16/03/2026");
        assertThat(m.body()).contains("Olá, Maria da Silva.", "Valor da parcela: R$ 500,00", "Valor a pagar: R$ 500,00", "000201",
                "Escola Aurora Ltda.", "14.572.457/0001-85").doesNotContain("{{");
        String text = m.body().toLowerCase();
        for (String word : new String[] {"polícia", "prisão", "vergonha", "última chance", "imediatamente"}) {
            assertThat(text).doesNotContain(word);
        }
    }

    @Test
    void noTemplateThreatensOrExposesTheDebtor() {
        String[] forbidden = {"polícia", "prisão", "processo criminal", "vergonha", "caloteiro", "vizinhos", "empregador",
                "última chance", "imediatamente"};
        for (Stage stage : Stage.values()) {
            if (TEMPLATES.speaksAt(stage)) {
                String text = TEMPLATES.render(stage, values()).body().toLowerCase();
                assertThat(Arrays.stream(forbidden).filter(text::contains)).as(stage.name()).isEmpty();
            }
        }
    }

    @Test
    void aMissingValueIsAnErrorNotABlank() {
        Map<String, String> v = new java.util.HashMap<>(values());
        v.remove("total");
        assertThatThrownBy(() -> TEMPLATES.render(Stage.FORMAL_NOTICE, v)).hasMessageContaining("{{total}}");
    }

    @Test
    void contactsAreMaskedInLogs() {
        assertThat(ContactService.mask("maria@example.com")).isEqualTo("m***@example.com");
        assertThat(ContactService.mask("+55 11 98765-4321")).endsWith("4321").doesNotContain("98765");
    }
}
