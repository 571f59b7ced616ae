package br.com.regua.contact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import br.com.regua.settings.ReguaProperties;
import br.com.regua.policy.OfferTerms;
import br.com.regua.receivable.Charges;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Money;
import br.com.regua.receivable.Receivable;

/**
 * The values a template may use, formatted as a Brazilian reader expects (R$ 1.534,93; 24/11/2026).
 * Every kind of message formats money, dates and the creditor here, so they read the same everywhere.
 */
public final class MessageValues {

    /** Where the PIX code starts in a message; the e-mail's HTML sets the code apart from here. */
    static final String PIX_LABEL = "PIX copia e cola:";

    /** What the messages before and on the due date say when the policy grants no punctuality discount. */
    private static final String ON_TIME = "Pagando até o vencimento, você evita multa e juros.";

    private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    // read once: building the locale's symbols took more than formatting the amount (DecimalFormat copies them)
    private static final DecimalFormatSymbols PT_BR_SYMBOLS = DecimalFormatSymbols.getInstance(PT_BR);
    private static final java.util.regex.Pattern HOW_TO_PAY = java.util.regex.Pattern.compile("^Como pagar o total de [^:\\n]*:");

    private MessageValues() {
    }

    public static String brl(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", PT_BR_SYMBOLS);
        return "R$ " + f.format(Money.round(amount));
    }

    public static String date(LocalDate d) {
        return DATE.format(d);
    }

    /** Who collects, as every message names them (CDC art. 42-A): name, CNPJ/CPF, address, phone. */
    public static void creditor(Map<String, String> values, ReguaProperties.Creditor creditor) {
        values.put("credor", creditor.name());
        values.put("credor_documento", creditor.document());
        values.put("credor_endereco", creditor.address());
        values.put("credor_telefone", creditor.phone());
    }

    static Map<String, String> of(Receivable r, Customer c, Charges charges, OfferTerms offer, LocalDate announcedDate,
                                  ReguaProperties.Creditor creditor) {
        Map<String, String> v = new HashMap<>();
        v.put("nome", c.name());
        v.put("referencia", r.externalId());
        v.put("descricao", r.description() == null || r.description().isBlank() ? "o título " + r.externalId() : r.description());
        v.put("vencimento", date(r.dueDate()));
        v.put("data_calculo", date(charges.asOf()));
        v.put("principal", brl(charges.principal()));
        v.put("multa", brl(charges.fine()));
        v.put("juros", brl(charges.interest()));
        v.put("total", brl(charges.total()));
        v.put("pontualidade", ON_TIME);
        creditor(v, creditor);
        v.put("validade_oferta", date(charges.asOf().plusDays(offer.getValidDays())));
        v.put("condicoes_a_vista", cashTerms(offer));
        v.put("total_oferta", brl(offerTotal(charges, offer)));
        v.put("parcelas_max", String.valueOf(offer.getMaxInstallments()));
        v.put("parcela_minima", brl(offer.getMinInstallment()));
        // a notice announces the step that needs it (the bureau report after its prior notice)
        String announced = announcedDate == null ? "o fim do prazo legal" : date(announcedDate);
        v.put("data_passo_seguinte", announced);
        v.put("data_negativacao", announced);
        return v;
    }

    /**
     * How to pay, as every message that asks for money ends: the PIX code for the updated amount,
     * the boleto line, the payment page, whichever the creditor offers, and always a phone to call.
     * {@code formas_pagamento} is the full block, {@code pagamento_curto} one line for an SMS.
     */
    static Map<String, String> payment(Map<String, String> values, String pixCopiaECola, String boletoLine, String paymentLink) {
        return payment(values, pixCopiaECola, boletoLine, paymentLink, null);
    }

    /**
     * As above, with the debtor's personal link to the portal ({@code link_portal}): it leads the
     * block, since there the debtor sees everything, pays and negotiates; an SMS carries it instead
     * of the payment page, being the one link that does all.
     */
    static Map<String, String> payment(Map<String, String> values, String pixCopiaECola, String boletoLine, String paymentLink,
                                       String portalLink) {
        Map<String, String> v = new HashMap<>(values);
        StringBuilder block = new StringBuilder("Como pagar o total de " + values.get("total") + ":");
        if (portalLink != null) {
            block.append("\n- No seu link pessoal, veja os valores, pague ou negocie: ").append(portalLink);
            v.put("link_portal", portalLink);
        }
        if (pixCopiaECola != null) {
            block.append("\n- ").append(PIX_LABEL).append(' ').append(pixCopiaECola);
        }
        if (boletoLine != null && !boletoLine.isBlank()) {
            block.append("\n- Boleto, linha digitável: ").append(boletoLine.strip());
        }
        if (paymentLink != null && !paymentLink.isBlank()) {
            block.append("\n- Pela internet: ").append(paymentLink);
        }
        block.append("\n- Dúvidas ou outra forma de pagamento: ").append(values.get("credor_telefone"));
        v.put("formas_pagamento", block.toString());
        v.put("pagamento_curto", portalLink != null ? "Veja, pague ou negocie: " + portalLink
                : paymentLink != null && !paymentLink.isBlank() ? "Pague em " + paymentLink
                : "Para pagar ou negociar: " + values.get("credor_telefone"));
        return v;
    }

    /**
     * The punctuality discount, as the messages before and on the due date say it ({@code pontualidade}):
     * the discount, the amount to pay by the due date instead of the total, and the payment block
     * asking for that amount (the PIX code carries it). Without a discount, a plain word on paying on time.
     */
    static void punctuality(Map<String, String> values, Charges charges, BigDecimal discount) {
        if (discount == null || discount.signum() <= 0) {
            values.put("pontualidade", ON_TIME);
            return;
        }
        String until = values.get("vencimento");
        String pay = brl(charges.total().subtract(discount));
        values.put("desconto_pontualidade", brl(discount));
        values.put("total_pontualidade", pay);
        values.put("pontualidade", "Desconto de pontualidade: pagando até " + until + ", você paga " + pay + " em vez de "
                + values.get("total") + " (" + brl(discount) + " de desconto no valor principal). Depois do vencimento, vale o valor "
                + "integral, com multa e juros.");
        String block = values.get("formas_pagamento");
        if (block != null) {
            values.put("formas_pagamento", HOW_TO_PAY.matcher(block).replaceFirst(
                    java.util.regex.Matcher.quoteReplacement("Como pagar até " + until + " com o desconto de pontualidade (" + pay + "):")));
        }
    }

    static BigDecimal offerTotal(Charges charges, OfferTerms offer) {
        BigDecimal principal = charges.principal().subtract(charges.principal().multiply(offer.getPrincipalDiscount()))
                .setScale(2, RoundingMode.HALF_UP);
        return offer.isWaiveCharges() ? principal : principal.add(charges.fine()).add(charges.interest());
    }

    private static String cashTerms(OfferTerms offer) {
        boolean discount = offer.getPrincipalDiscount().signum() > 0;
        String percent = offer.getPrincipalDiscount().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        if (discount && offer.isWaiveCharges()) {
            return percent + " de desconto no valor principal e isenção de multa e juros";
        }
        if (discount) {
            return percent + " de desconto no valor principal";
        }
        if (offer.isWaiveCharges()) {
            return "isenção de multa e juros";
        }
        return "pagamento do valor atualizado";
    }
}
