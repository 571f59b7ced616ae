package br.com.regua.promise;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import br.com.regua.contact.ContactService;
import br.com.regua.contact.MessageValues;
import br.com.regua.contact.Templates;
import br.com.regua.pix.PixProperties;
import br.com.regua.policy.Channel;
import br.com.regua.receivable.Charges;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Receivable;
import br.com.regua.settings.ReguaProperties;
import br.com.regua.promise.PromiseRepository.Promise;

/** The reminder the day before a promised payment, in Portuguese, recorded in the contact outbox once per promise and channel. */
@Component
class PromiseReminders {

    static final String TEMPLATE = "PROMISE_REMINDER";

    private final Templates templates;
    private final ContactService contacts;
    private final ReguaProperties properties;
    private final PixProperties pix;

    PromiseReminders(Templates templates, ContactService contacts, ReguaProperties properties, PixProperties pix) {
        this.templates = templates;
        this.contacts = contacts;
        this.properties = properties;
        this.pix = pix;
    }

    /** {@code owed}: the whole debt as of the promised date, broken down. */
    void remind(Promise p, Receivable r, Customer c, BigDecimal paid, Charges owed, List<Channel> channels, OffsetDateTime now) {
        BigDecimal left = p.amount().subtract(paid).max(BigDecimal.ZERO.setScale(2));
        Map<String, String> v = new HashMap<>();
        v.put("nome", c.name());
        v.put("referencia", r.externalId());
        v.put("descricao", r.description() == null || r.description().isBlank() ? "o título " + r.externalId() : r.description());
        v.put("valor_prometido", MessageValues.brl(p.amount()));
        v.put("data_prometida", MessageValues.date(p.promisedOn()));
        v.put("pago", MessageValues.brl(paid));
        v.put("valor", MessageValues.brl(left));
        v.put("data_calculo", MessageValues.date(owed.asOf()));
        v.put("principal", MessageValues.brl(owed.principal()));
        v.put("multa", MessageValues.brl(owed.fine()));
        v.put("juros", MessageValues.brl(owed.interest()));
        v.put("total", MessageValues.brl(owed.total()));
        String code = left.signum() > 0 ? pix.copiaECola(left, r.externalId()).orElse(null) : null;
        v.put("forma_pagamento", code == null
                ? "Você pode pagar pelos canais de costume, informando a referência " + r.externalId() + "."
                // the label lets the e-mail's HTML set the code apart, as in the schedule's messages
                : "Para pagar por PIX o valor combinado, use o código abaixo no aplicativo do seu banco (o valor já vem preenchido):\n"
                        + "- PIX copia e cola: " + code);
        MessageValues.creditor(v, properties.creditor());
        Templates.Message message = templates.render(TEMPLATE, v);
        contacts.record(r, c, new ContactService.PromiseReminder(p.id(), message, sms(v)), channels, now);
    }

    /** An SMS is one short line: who writes, what was promised, by when, and a phone to ask for help. */
    static String sms(Map<String, String> v) {
        return v.get("credor") + ": lembrete do pagamento combinado de " + v.get("valor_prometido") + " (ref. " + v.get("referencia")
                + ") até " + v.get("data_prometida") + ". Falta pagar " + v.get("valor") + ". Dúvidas: " + v.get("credor_telefone") + ".";
    }
}
