package br.com.regua.agreement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import br.com.regua.config.ReguaProperties;
import br.com.regua.contact.ContactService;
import br.com.regua.contact.Templates;
import br.com.regua.policy.Channel;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Receivable;

/** The reminder before an installment, in Portuguese, recorded in the contact outbox once per installment and channel. */
@Component
class InstallmentReminders {

    static final String TEMPLATE = "AGREEMENT_INSTALLMENT_REMINDER";
    private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Templates templates;
    private final ContactService contacts;
    private final ReguaProperties properties;

    InstallmentReminders(Templates templates, ContactService contacts, ReguaProperties properties) {
        this.templates = templates;
        this.contacts = contacts;
        this.properties = properties;
    }

    void remind(String agreementId, Receivable r, Customer c, AgreementRepository.Installment i, int count, String pix,
                List<Channel> channels, OffsetDateTime now) {
        Map<String, String> v = new HashMap<>();
        v.put("nome", c.name());
        v.put("acordo", agreementId);
        v.put("parcela", String.valueOf(i.number()));
        v.put("parcelas", String.valueOf(count));
        v.put("vencimento", DATE.format(i.dueDate()));
        v.put("valor_parcela", brl(i.amount()));
        v.put("pago", brl(i.paidAmount()));
        v.put("valor", brl(i.left()));
        v.put("forma_pagamento", pix == null
                ? "Você pode pagar pelos canais de costume, informando a referência do acordo."
                // the label lets the e-mail's HTML set the code apart, as in the schedule's messages
                : "Para pagar esta parcela por PIX, use o código abaixo no aplicativo do seu banco (o valor já vem preenchido):\n"
                        + "- PIX copia e cola: " + pix);
        ReguaProperties.Creditor creditor = properties.creditor();
        v.put("credor", creditor.name());
        v.put("credor_documento", creditor.document());
        v.put("credor_endereco", creditor.address());
        v.put("credor_telefone", creditor.phone());
        Templates.Message message = templates.render(TEMPLATE, v);
        contacts.record(r, c, new ContactService.InstallmentReminder(agreementId, i.number(), message, sms(v)), channels, now);
    }

    /** An SMS is one short line: who writes, which installment, how much, when, and a phone to ask for the PIX code. */
    static String sms(Map<String, String> v) {
        return v.get("credor") + ": lembrete da parcela " + v.get("parcela") + " de " + v.get("parcelas") + " do seu acordo, "
                + v.get("valor") + ", vence em " + v.get("vencimento") + ". Dúvidas: " + v.get("credor_telefone") + ".";
    }

    private static String brl(BigDecimal amount) {
        return "R$ " + new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(PT_BR)).format(amount.setScale(2, RoundingMode.HALF_UP));
    }
}
