package br.com.regua.contact;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import br.com.regua.policy.Channel;

/**
 * What happens when a contact cannot be delivered: the same message goes through the fallback
 * channel the policy names (once per step and channel, by the same idempotency key), and an
 * incident on the case shows the failure in Cockpit. The case's schedule carries on regardless.
 */
@Component
class DeliveryFailures {

    /** The incident type Cockpit shows on the case. */
    static final String INCIDENT_TYPE = "contactDeliveryFailed";

    private static final Logger log = LoggerFactory.getLogger(DeliveryFailures.class);

    private final JdbcClient jdbc;
    private final RuntimeService runtime;

    DeliveryFailures(JdbcClient jdbc, RuntimeService runtime) {
        this.jdbc = jdbc;
        this.runtime = runtime;
    }

    /** A send failed for good: fall back, and raise an incident on the case. */
    void gaveUp(OutgoingContact c, String reason, DebtorReach.Reach debtor, OffsetDateTime now) {
        Optional<Channel> fallback = fallBack(c, debtor, now);
        raiseIncident(c, reason + fallback.map(ch -> "; the message goes by " + ch + " instead").orElse("; no fallback channel"));
    }

    /** Queues the message on the policy's fallback channel, if there is one with a recipient. */
    Optional<Channel> fallBack(OutgoingContact c, DebtorReach.Reach debtor, OffsetDateTime now) {
        Optional<Channel> instead = debtor.fallback().apply(c.channel()).filter(ch -> ch != c.channel());
        if (instead.isEmpty()) {
            return Optional.empty();
        }
        Channel channel = instead.get();
        String stepKey = DeliveryWorker.stepKeyOf(c);
        String key = stepKey + ":" + channel;
        String recipient = recipientOf(c.receivableId(), channel);
        if (recipient == null) {
            return Optional.empty();
        }
        int rows = jdbc.sql("""
                insert into contact (receivable_id, idempotency_key, step_key, kind, stage, agreement_id, installment, channel,
                                     recipient, subject, body, status, next_attempt_at, fallback_of, created_at, updated_at)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?
                where not exists (select 1 from contact where idempotency_key = ?)""")
                .params(c.receivableId(), key, stepKey, c.kind().name(), c.stage(), c.agreementId(),
                        c.installment(), channel.name(), recipient, c.subject(), c.body(), now, c.id(), now, now, key)
                .update();
        if (rows == 1) {
            log.info("Contact {} falls back to {} to {}", c.id(), channel, ContactService.mask(recipient));
        }
        return Optional.of(channel);
    }

    private String recipientOf(long receivableId, Channel channel) {
        return jdbc.sql("select c.email, c.phone from customer c join receivable r on r.customer_id = c.id where r.id = ?")
                .param(receivableId)
                .query((rs, n) -> channel == Channel.EMAIL ? rs.getString("email")
                        : channel == Channel.LETTER ? null : rs.getString("phone"))
                .optional().orElse(null);
    }

    private static String waitingExecution(ActivityInstance instance) {
        ActivityInstance leaf = instance;
        while (leaf.getChildActivityInstances().length > 0) {
            leaf = leaf.getChildActivityInstances()[0];
        }
        return leaf.getExecutionIds()[0];
    }

    private void raiseIncident(OutgoingContact c, String message) {
        String caseId = jdbc.sql("select case_id from receivable where id = ?").param(c.receivableId()).query(String.class)
                .optional().orElse(null);
        if (caseId == null) {
            return;
        }
        try {
            // an incident hangs on an execution that is at an activity: the one the case waits at
            ActivityInstance where = runtime.getActivityInstance(caseId);
            if (where == null) {
                log.info("No incident for contact {}: case {} has ended", c.id(), caseId);
                return;
            }
            runtime.createIncident(INCIDENT_TYPE, waitingExecution(where), "contact " + c.id(),
                    c.what() + " via " + c.channel() + " not delivered: " + message);
        } catch (RuntimeException e) {
            // the case has ended (paid, referred): the contact's FAILED status is the record
            log.info("No incident for contact {}: case {} is not running ({})", c.id(), caseId, e.getMessage());
        }
    }
}
