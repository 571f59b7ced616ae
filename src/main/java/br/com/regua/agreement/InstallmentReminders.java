package br.com.regua.agreement;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import br.com.regua.settings.ReguaProperties;
import br.com.regua.contact.ContactService;
import br.com.regua.contact.MessageValues;
import br.com.regua.contact.Templates;
import br.com.regua.policy.Channel;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Receivable;

/** The reminder before an installment, in Portuguese, recorded in the contact outbox once per installment and channel. */
@Component
class InstallmentReminders {

    static final String TEMPLATE = "AGREEMENT_INSTALLMENT_REMINDER";

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
        v.put("vencimento", MessageValues.date(i.dueDate()));
        v.put("valor_parcela", MessageValues.brl(i.amount()));
        v.put("pago", MessageValues.brl(i.paidAmount()));
        v.put("valor", MessageValues.brl(i.left()));
        v.put("forma_pagamento", pix == null
                ? "Você pode pagar pelos canais de costume, informando a referência do acordo."
                // the label lets the e-mail's HTML set the code apart, as in the schedule's messages
                : "Para pagar esta parcela por PIX, use o código abaixo no aplicativo do seu banco (o valor já vem preenchido):\n"
                        + "- PIX copia e cola: " + pix);
        String link = contacts.debtorLink(c, null, now);
        if (link != null) {
            v.put("forma_pagamento", v.get("forma_pagamento") + "\n- Acompanhe o seu acordo pelo seu link pessoal: " + link);
        }
        MessageValues.creditor(v, properties.creditor());
        Templates.Message message = templates.render(TEMPLATE, v);
        contacts.record(r, c, new ContactService.InstallmentReminder(agreementId, i.number(), message, sms(v)), channels, now);
    }

    /** An SMS is one short line: who writes, which installment, how much, when, and a phone to ask for the PIX code. */
    static String sms(Map<String, String> v) {
        return v.get("credor") + ": lembrete da parcela " + v.get("parcela") + " de " + v.get("parcelas") + " do seu acordo, "
                + v.get("valor") + ", vence em " + v.get("vencimento") + ". Dúvidas: " + v.get("credor_telefone") + ".";
    }
}
