package br.com.regua.agreement;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import br.com.regua.contact.ContactService;
import br.com.regua.contact.MessageValues;
import br.com.regua.contact.Templates;
import br.com.regua.policy.Channel;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Receivable;
import br.com.regua.settings.ReguaProperties;

/**
 * The confirmation of a prorrogação, in Portuguese: the new due date and the amount broken down,
 * recorded in the contact outbox once per agreement and channel.
 */
@Component
class ExtensionConfirmations {

    static final String TEMPLATE = "EXTENSION_CONFIRMATION";

    private final Templates templates;
    private final ContactService contacts;
    private final ReguaProperties properties;

    ExtensionConfirmations(Templates templates, ContactService contacts, ReguaProperties properties) {
        this.templates = templates;
        this.contacts = contacts;
        this.properties = properties;
    }

    void confirm(String agreementId, Offer offer, Receivable r, Customer c, List<Channel> channels, OffsetDateTime now) {
        Map<String, String> v = new HashMap<>();
        v.put("nome", c.name());
        v.put("acordo", agreementId);
        v.put("referencia", r.externalId());
        v.put("descricao", r.description() == null || r.description().isBlank() ? "o título " + r.externalId() : r.description());
        v.put("vencimento_original", MessageValues.date(r.dueDate()));
        v.put("novo_vencimento", MessageValues.date(offer.firstDueDate()));
        v.put("principal", MessageValues.brl(offer.breakdown().principal()));
        v.put("multa", MessageValues.brl(offer.breakdown().fine()));
        v.put("juros", MessageValues.brl(offer.breakdown().interest()));
        v.put("total", MessageValues.brl(offer.total()));
        v.put("dias_tolerancia", String.valueOf(offer.followUp().graceDays()));
        MessageValues.creditor(v, properties.creditor());
        String link = contacts.debtorLink(c, null, now);
        v.put("acompanhe", link == null ? "Em caso de dúvida, fale conosco pelo telefone " + v.get("credor_telefone") + "."
                : "Acompanhe e pague pelo seu link pessoal: " + link);
        Templates.Message message = templates.render(TEMPLATE, v);
        contacts.record(r, c, new ContactService.AgreementMessage(agreementId, "CONFIRMATION", message, sms(v)), channels, now);
    }

    /** An SMS is one short line: who writes, the new date, how much, and a phone for questions. */
    static String sms(Map<String, String> v) {
        return v.get("credor") + ": prorrogação confirmada. " + v.get("descricao") + " agora vence em " + v.get("novo_vencimento")
                + ", valor " + v.get("total") + ". Dúvidas: " + v.get("credor_telefone") + ".";
    }
}
