package br.com.regua.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import br.com.regua.settings.ReguaProperties;
import br.com.regua.pix.PixPayload;
import br.com.regua.policy.Segment;
import br.com.regua.policy.CustomerType;
import br.com.regua.policy.OfferTerms;
import br.com.regua.policy.PaymentHistory;
import br.com.regua.policy.StageCatalog;
import br.com.regua.policy.StageKeys;
import br.com.regua.support.ProcessStages;
import br.com.regua.receivable.Charges;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Ledger;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableStatus;

class TemplatesTests {

    private static final Templates TEMPLATES = new Templates();
    private static final ReguaProperties.Creditor CREDITOR =
            new ReguaProperties.Creditor("Escola Aurora Ltda.", "14.572.457/0001-85", "Rua das Flores, 10, Campinas - SP", "(19) 3000-0000");

    private static final String PIX = PixPayload.of("14572457000185", "Escola Aurora", "Campinas", new BigDecimal("1545.00"), "INV1");
    private static final String BOLETO = "34191.79001 01043.510047 91020.150008 1 96610000154500";
    private static final String LINK = "https://pagar.aurora.com.br/INV-1";

    /** The values of a message with every way to pay configured. */
    private static Map<String, String> values() {
        return MessageValues.payment(baseValues(), PIX, BOLETO, LINK);
    }

    /** The tips page the reminders link to. */
    static final String TIPS = "https://pagar.aurora.example/dicas";

    /** The values of a message when the creditor configured no PIX, no boleto and no payment page. */
    private static Map<String, String> valuesWithoutPaymentOptions() {
        return MessageValues.payment(baseValues(), null, null, null);
    }

    private static Map<String, String> baseValues() {
        LocalDate due = LocalDate.of(2026, 3, 16);
        Receivable r = new Receivable(1, "INV-1", 1, "h", new BigDecimal("1500.00"), due.minusDays(15), due, "Mensalidade de março",
                Ledger.opening(new BigDecimal("1500.00"), due), ReceivableStatus.OPEN, "REGISTERED", null, null, null, null, null, 0, null, null);
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
        Map<String, String> values = MessageValues.of(r, c, charges, offer, due.plusDays(45), CREDITOR);
        values.put("link_dicas", TIPS);
        return values;
    }

    /** The keys of every message of the schedule: each stage of the process that writes, and the thank-you. */
    static List<String> speaking() {
        List<String> keys = new ArrayList<>(ProcessStages.collection().stages().stream().filter(StageCatalog.StageInfo::message)
                .map(StageCatalog.StageInfo::key).toList());
        keys.add(StageKeys.PAID);
        return keys;
    }

    static Stream<String> everyStage() {
        return Stream.concat(ProcessStages.collection().stages().stream().map(StageCatalog.StageInfo::key), Stream.of(StageKeys.PAID));
    }

    /**
     * A stage that writes to the debtor renders with every value and names the creditor; where Régua
     * says nothing (the case waits, a collector phones, the debt is reported or written off without
     * a letter of its own) the process says so and there is no template to send by mistake.
     */
    @ParameterizedTest
    @MethodSource("everyStage")
    void everyStageThatSpeaksRendersWithEveryValueAndNamesTheCreditorAndASilentOneHasNoMessage(String stage) {
        if (!speaking().contains(stage)) {
            assertThat(TEMPLATES.exists(stage)).as("%s is silent", stage).isFalse();
            assertThatThrownBy(() -> TEMPLATES.render(stage, values())).hasMessageContaining("no message template " + stage);
        } else {
            assertThat(TEMPLATES.exists(stage)).as("%s speaks", stage).isTrue();
            Templates.Message m = TEMPLATES.render(stage, values());
            assertThat(m.subject()).isNotBlank().doesNotContain("{{");
            assertThat(m.body()).doesNotContain("{{", "}}", "null").contains("Maria da Silva", "Escola Aurora Ltda.", "14.572.457/0001-85");
        }
    }

    @Test
    void theProcessDeclaresWhichStagesAreSilent() {
        assertThat(ProcessStages.collection().stages().stream().filter(s -> !s.message()).map(StageCatalog.StageInfo::key))
                .containsExactly("GRACE_PERIOD", "COLLECTOR_CALL", "BUREAU_REPORT", "WRITE_OFF");
    }

    static Stream<Arguments> everyStageAndSegment() {
        List<Arguments> all = new ArrayList<>();
        for (String stage : speaking()) {
            {
                all.add(Arguments.of(stage, null));
                for (Segment segment : Segment.values()) {
                    all.add(Arguments.of(stage, segment));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("everyStageAndSegment")
    void everyTemplateRendersForEverySegmentWithNoMissingValueNoThreatAndTheWaysToPay(String stage, Segment segment) {
        for (Map<String, String> v : List.of(values(), valuesWithoutPaymentOptions())) {
            Templates.Message m = TEMPLATES.render(stage, segment, v);

            assertThat(m.subject()).isNotBlank().doesNotContain("{{", "null");
            assertThat(m.body()).doesNotContain("{{", "}}", "null").contains("Maria da Silva", "Escola Aurora Ltda.", "14.572.457/0001-85");
            String text = (m.subject() + " " + m.body()).toLowerCase();
            assertThat(Arrays.stream(FORBIDDEN).filter(text::contains)).as(stage + " " + segment).isEmpty();
            if (!stage.equals(StageKeys.PAID)) {
                // the creditor's phone is always there, even with no other way to pay configured
                assertThat(m.body()).contains("Como pagar o total de R$ 1.545,00", "(19) 3000-0000");
            }
            String sms = ContactService.sms(stage, m, v);
            assertThat(sms).doesNotContain("{{", "null").contains("Escola Aurora Ltda.");
            assertThat(sms.length()).as("an SMS of " + stage).isLessThanOrEqualTo(240);
        }
    }

    @Test
    void theDebtorsPersonalLinkLeadsTheWaysToPayAndIsTheOneLinkOfAnSms() {
        String portal = "https://pagar.aurora.example/p/AbCdEfGhIjKlMnOpQrStUv";
        Map<String, String> v = MessageValues.payment(baseValues(), PIX, BOLETO, LINK, portal);
        for (String stage : speaking()) {
            if (stage.equals(StageKeys.PAID)) {
                continue;
            }
            Templates.Message m = TEMPLATES.render(stage, v);
            assertThat(m.body()).as(stage).contains("Como pagar o total de R$ 1.545,00:\n- No seu link pessoal, veja os valores, "
                    + "pague ou negocie: " + portal, "PIX copia e cola: " + PIX);
            String sms = ContactService.sms(stage, m, v);
            assertThat(sms).as(stage).endsWith("Veja, pague ou negocie: " + portal).doesNotContain(LINK);
            assertThat(sms.length()).as("an SMS of " + stage).isLessThanOrEqualTo(240);
        }
    }

    @Test
    void remindersLinkToTheTipsPage() {
        for (String key : List.of("PRE_DUE_REMINDER", "FRIENDLY_REMINDER")) {
            for (Segment segment : Segment.values()) {
                assertThat(TEMPLATES.render(key, segment, values()).body()).as(key + " " + segment)
                        .contains("Quer algumas dicas para organizar as contas do mês? Preparamos um guia rápido: " + TIPS);
            }
        }
    }

    @Test
    void everyWayToPayIsInTheMessageAndThePixCodeIsForTheUpdatedAmount() {
        String body = TEMPLATES.render("FRIENDLY_REMINDER", values()).body();

        assertThat(body).contains("PIX copia e cola: " + PIX, "Boleto, linha digitável: " + BOLETO, "Pela internet: " + LINK);
        assertThat(PIX).contains("54071545.00");
    }

    @Test
    void goodPayersAreWrittenToInTheirOwnTone() {
        String regular = TEMPLATES.render("FRIENDLY_REMINDER", Segment.REGULAR, values()).body();
        String goodPayer = TEMPLATES.render("FRIENDLY_REMINDER", Segment.GOOD_PAYER, values()).body();

        assertThat(goodPayer).contains("sempre paga em dia").isNotEqualTo(regular);
        assertThat(regular).doesNotContain("sempre paga em dia");
    }

    @Test
    void stagesWithAnAmountShowItBrokenDown() {
        for (String stage : new String[] {"FRIENDLY_REMINDER", "RENEGOTIATION_OFFER", "FORMAL_NOTICE",
                "BUREAU_PRIOR_NOTICE", "SERVICE_SUSPENSION_NOTICE", "COLLECTION_AGENCY", "LEGAL_REFERRAL"}) {
            assertThat(TEMPLATES.render(stage, values()).body())
                    .contains("Valor principal: R$ 1.500,00", "Multa: R$ 30,00", "Juros de mora: R$ 15,00", "Total: R$ 1.545,00");
        }
    }

    @Test
    void theOfferSaysWhatItGivesAndUntilWhen() {
        String body = TEMPLATES.render("RENEGOTIATION_OFFER", values()).body();
        assertThat(body).contains("10% de desconto no valor principal e isenção de multa e juros", "R$ 1.350,00",
                "até 6 vezes", "R$ 50,00", "25/04/2026");
    }

    private static final String[] FORBIDDEN = {"polícia", "prisão", "processo criminal", "vergonha", "caloteiro", "vizinhos",
            "empregador", "última chance", "imediatamente", "cadeia", "penhora imediata", "sujo"};

    @Test
    void theInstallmentReminderSaysWhichInstallmentWhenAndHowMuchPolitely() {
        Map<String, String> v = new java.util.HashMap<>(values());
        v.putAll(Map.of("acordo", "A-1", "parcela", "2", "parcelas", "3", "valor_parcela", "R$ 500,00", "pago", "R$ 120,00",
                "valor", "R$ 380,00", "forma_pagamento", "Para pagar esta parcela por PIX:\n- " + MessageValues.PIX_LABEL + " " + PIX));

        Templates.Message m = TEMPLATES.render("AGREEMENT_INSTALLMENT_REMINDER", v);

        assertThat(m.subject()).isEqualTo("Lembrete: parcela 2 de 3 do seu acordo vence em 16/03/2026");
        assertThat(m.body()).contains("Olá, Maria da Silva.", "Aqui é Escola Aurora Ltda.", "parcela 2 de 3 vence em 16/03/2026",
                        "Valor da parcela: R$ 500,00", "Já pago desta parcela: R$ 120,00", "Valor a pagar: R$ 380,00", PIX,
                        "(19) 3000-0000", "14.572.457/0001-85")
                .doesNotContain("{{", "null");
        String text = (m.subject() + " " + m.body()).toLowerCase();
        assertThat(Arrays.stream(FORBIDDEN).filter(text::contains)).isEmpty();
        // the e-mail sets the installment's PIX code apart, as in the schedule's messages
        assertThat(EmailHtml.of(m.subject(), m.body()))
                .contains("<code style=\"word-break: break-all; background: #f2f2f2; padding: 4px\">" + PIX + "</code>");
    }

    @Test
    void theReminderBeforeTheDueDateSaysThePunctualityDiscountAndAsksForTheDiscountedAmount() {
        Map<String, String> v = new java.util.HashMap<>(values());
        Charges beforeDue = new Charges(LocalDate.of(2026, 3, 11), new BigDecimal("1500.00"), new BigDecimal("0.00"),
                new BigDecimal("0.00"), new BigDecimal("1500.00"));
        v.put("total", MessageValues.brl(beforeDue.total()));
        v.putAll(MessageValues.payment(v, PIX, BOLETO, LINK));

        MessageValues.punctuality(v, beforeDue, new BigDecimal("75.00"));
        String discounted = TEMPLATES.render("PRE_DUE_REMINDER", v).body();
        Map<String, String> none = new java.util.HashMap<>(v);
        MessageValues.punctuality(none, beforeDue, BigDecimal.ZERO.setScale(2));
        String plain = TEMPLATES.render("PRE_DUE_REMINDER", Segment.GOOD_PAYER, none).body();

        assertThat(discounted).contains("Desconto de pontualidade: pagando até 16/03/2026, você paga R$ 1.425,00 em vez de R$ 1.500,00",
                "R$ 75,00 de desconto no valor principal", "Depois do vencimento, vale o valor integral",
                "Como pagar até 16/03/2026 com o desconto de pontualidade (R$ 1.425,00):").doesNotContain("{{");
        assertThat(plain).contains("Pagando até o vencimento, você evita multa e juros.").doesNotContain("Desconto de pontualidade");
    }

    @Test
    void theExtensionsConfirmationNamesTheNewDateAndTheAmountBrokenDown() {
        Map<String, String> v = new java.util.HashMap<>(Map.of("nome", "Maria da Silva", "acordo", "A-1", "referencia", "INV-1",
                "descricao", "Mensalidade de março", "vencimento_original", "16/03/2026", "novo_vencimento", "31/03/2026",
                "principal", "R$ 1.500,00", "multa", "R$ 0,00", "juros", "R$ 0,00", "total", "R$ 1.500,00"));
        v.put("dias_tolerancia", "5");
        v.put("acompanhe", "Acompanhe e pague pelo seu link pessoal: https://pagar.aurora.example/p/x");
        MessageValues.creditor(v, CREDITOR);

        Templates.Message m = TEMPLATES.render("EXTENSION_CONFIRMATION", v);

        assertThat(m.subject()).isEqualTo("Prorrogação confirmada: Mensalidade de março agora vence em 31/03/2026");
        assertThat(m.body()).contains("Olá, Maria da Silva.", "Escola Aurora Ltda. confirma a prorrogação", "vencia em 16/03/2026",
                "agora vence em 31/03/2026", "Valor principal: R$ 1.500,00", "Multa: R$ 0,00", "Juros de mora: R$ 0,00",
                "Total a pagar até 31/03/2026: R$ 1.500,00", "14.572.457/0001-85", "(19) 3000-0000").doesNotContain("{{", "null");
        String text = (m.subject() + " " + m.body()).toLowerCase();
        assertThat(Arrays.stream(FORBIDDEN).filter(text::contains)).isEmpty();
    }

    @Test
    void noTemplateThreatensOrExposesTheDebtor() {
        for (String stage : speaking()) {
            String text = TEMPLATES.render(stage, values()).body().toLowerCase();
            assertThat(Arrays.stream(FORBIDDEN).filter(text::contains)).as(stage).isEmpty();
        }
    }

    @Test
    void theEmailsHtmlSaysWhatTheTextSaysWithThePixCodeSetApart() {
        Templates.Message m = TEMPLATES.render("FRIENDLY_REMINDER", values());
        String html = EmailHtml.of(m.subject(), m.body());

        assertThat(html).contains("<li>Valor principal: R$ 1.500,00</li>", "<li>Total: R$ 1.545,00</li>",
                "<code style=\"word-break: break-all; background: #f2f2f2; padding: 4px\">" + PIX + "</code>",
                "<a href=\"" + LINK + "\">", "Maria da Silva").doesNotContain("{{");
    }

    @Test
    void whatTheBackendSentIsTextInTheHtmlNeverMarkup() {
        String html = EmailHtml.of("Fatura <b>", "Olá, <script>alert(1)</script> & cia.");

        assertThat(html).contains("Fatura &lt;b&gt;", "Olá, &lt;script&gt;alert(1)&lt;/script&gt; &amp; cia.").doesNotContain("<script>");
    }

    @Test
    void aMissingValueIsAnErrorNotABlank() {
        Map<String, String> v = new java.util.HashMap<>(values());
        v.remove("total");
        assertThatThrownBy(() -> TEMPLATES.render("FORMAL_NOTICE", v)).hasMessageContaining("{{total}}");
    }

    @Test
    void contactsAreMaskedInLogs() {
        assertThat(ContactService.mask("maria@example.com")).isEqualTo("m***@example.com");
        assertThat(ContactService.mask("+55 11 98765-4321")).endsWith("4321").doesNotContain("98765");
    }

    /** A letter is the stage's message on A4, under the creditor's head and the debtor's name and address. */
    @Test
    void theFormalNoticeAsALetterNamesTheCreditorTheDebtorsAddressTheAmountsAndTheDate() throws Exception {
        Templates.Message notice = new Templates().render("FORMAL_NOTICE", valuesWithoutPaymentOptions());
        br.com.regua.receivable.PostalAddress address = new br.com.regua.receivable.PostalAddress("Rua das Flores", "123", null,
                "Jardim Paulista", "São Paulo", "SP", "01310100");

        byte[] pdf = LetterPdf.render(CREDITOR, "Maria da Silva", address, LocalDate.of(2026, 4, 15), notice.subject(), notice.body(),
                "INV-1/7");

        String text = LetterScenarios.text(pdf);
        assertThat(text).contains(CREDITOR.name(), "CNPJ " + CREDITOR.document(), "15 de abril de 2026", "Maria da Silva",
                "Rua das Flores, 123", "Jardim Paulista - São Paulo/SP", "CEP 01310-100", "Notificação extrajudicial",
                "vencido em 16/03/2026", "Valor principal: R$ 1.500,00", "Multa: R$ 30,00", "Juros de mora: R$ 15,00",
                "Total: R$ 1.545,00", "Carta INV-1/7");
        assertThat(text).doesNotContain("{{", "Rua das Flores, 123 -");
    }
}
