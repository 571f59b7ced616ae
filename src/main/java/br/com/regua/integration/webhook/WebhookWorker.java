package br.com.regua.integration.webhook;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import br.com.regua.outbox.Backoff;

/**
 * Sends the outbox. Each round claims the deliveries that are due (a lease: a crashed worker's
 * deliveries go back to the queue when it ends) and posts each, signed. A 2xx marks it SENT; anything
 * else is tried again after a doubling backoff, and an endpoint failing {@code pause-after-failures}
 * times in a row, or for {@code pause-after} without one success, is paused: its events wait, in
 * order, until an admin resumes it. No event is ever dropped: at least once, in order per receivable.
 */
@Service
public class WebhookWorker {

    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);

    private final EventOutbox outbox;
    private final WebhookSender sender;
    private final WebhookProperties settings;
    private final Backoff backoff;
    private final TransactionTemplate transaction;
    private final Clock clock;

    WebhookWorker(EventOutbox outbox, WebhookSender sender, WebhookProperties settings, PlatformTransactionManager transactions,
                  Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.settings = settings;
        this.backoff = new Backoff(settings.firstBackoff(), settings.maxBackoff());
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What one round did. */
    public record Round(int claimed, int sent, int failed, int paused) {
    }

    public Round deliverDue() {
        int claimed = 0;
        int sent = 0;
        int failed = 0;
        int paused = 0;
        for (long id : outbox.dueIds(OffsetDateTime.now(clock), settings.batchSize())) {
            OffsetDateTime claimedAt = OffsetDateTime.now(clock);
            Optional<EventOutbox.Claimed> delivery = outbox.claim(id, claimedAt, claimedAt.plus(settings.lease()));
            if (delivery.isEmpty()) {
                continue;
            }
            claimed++;
            EventOutbox.Claimed d = delivery.get();
            WebhookSender.Answer answer = sender.send(d.url(), d.secret(), d.eventId(), OffsetDateTime.now(clock).toEpochSecond(),
                    d.payload());
            OffsetDateTime at = OffsetDateTime.now(clock);
            if (answer.ok()) {
                sent++;
                transaction.executeWithoutResult(s -> {
                    if (!outbox.sent(d, answer.statusCode(), at)) {
                        log.warn("Event {} was sent to endpoint {} after its lease ran out; the receiver drops the duplicate by its id",
                                d.eventId(), d.endpointId());
                    }
                });
                continue;
            }
            failed++;
            OffsetDateTime retryAt = at.plus(backoff.after(d.attempts() + 1));
            Boolean pausedNow = transaction.execute(s -> outbox.failed(d, answer.statusCode(), answer.error(), retryAt,
                    settings.pauseAfterFailures(), at.minus(settings.pauseAfter()), at));
            log.info("Event {} to endpoint {} failed (try {}): {}; next try at {}", d.eventId(), d.endpointId(), d.attempts() + 1,
                    answer.error(), retryAt);
            if (Boolean.TRUE.equals(pausedNow)) {
                paused++;
                log.warn("Webhook endpoint {} paused after repeated failures; an admin resumes it with POST /api/webhooks/{}/resume",
                        d.endpointId(), d.endpointId());
            }
        }
        return new Round(claimed, sent, failed, paused);
    }
}
