package br.com.regua.integration.webhook;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.events.BusinessEvent;
import br.com.regua.transactions.PerTransaction;

/**
 * Writes each announced fact to the outbox, synchronously, in the transaction that records the
 * fact: it commits with the fact or not at all. A fact no endpoint hears writes nothing (an
 * endpoint registered later hears only what happens after it).
 */
@Component
class EventRecorder {

    private final EventOutbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    EventRecorder(EventOutbox outbox, ObjectMapper json, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(BusinessEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // written alone, the event could outlive a fact rolled back, or be lost with one committed
            throw new IllegalStateException(event.type().key() + " must be announced inside the transaction that records it");
        }
        // read once per transaction and type: an intake registers a hundred receivables in one
        List<Long> endpoints = PerTransaction.get("webhook.subscribers." + event.type().key(), () -> outbox.subscribers(event.type().key()));
        if (endpoints.isEmpty()) {
            return;
        }
        outbox.write(newId(), event.type().key(), event.receivable(), payload(event), event.at(), endpoints, OffsetDateTime.now(clock));
    }

    /** The Standard Webhooks body: {@code type}, {@code timestamp} (of the fact, UTC) and {@code data}. */
    private String payload(BusinessEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type().key());
        body.put("timestamp", event.at().withOffsetSameInstant(ZoneOffset.UTC).toString());
        body.put("data", event.data());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event's data must be plain values", e);
        }
    }

    private static String newId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }
}
