package br.com.regua.integration.webhook;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

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
    private final int chunk;

    WebhookWorker(EventOutbox outbox, WebhookSender sender, WebhookProperties settings, PlatformTransactionManager transactions,
                  Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.settings = settings;
        this.backoff = new Backoff(settings.firstBackoff(), settings.maxBackoff());
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        // claimed a few at a time: as many as could each take the whole timeout within half the lease
        this.chunk = (int) Math.max(1, Math.min(settings.batchSize(), settings.lease().toMillis() / Math.max(1, 2 * settings.timeout().toMillis())));
    }

    /** What one round did. */
    public record Round(int claimed, int sent, int failed, int paused) {
    }

    public Round deliverDue() {
        int claimed = 0;
        int sent = 0;
        int failed = 0;
        int paused = 0;
        List<Long> due = outbox.dueIds(OffsetDateTime.now(clock), settings.batchSize());
        for (int from = 0; from < due.size(); from += chunk) {
            // the lease starts when these are claimed, not when the round began: earlier sends may have been slow
            OffsetDateTime claimedAt = OffsetDateTime.now(clock);
            List<EventOutbox.Claimed> deliveries = outbox.claimAll(due.subList(from, Math.min(due.size(), from + chunk)), claimedAt,
                    claimedAt.plus(settings.lease()));
            List<Tried> tried = new ArrayList<>(deliveries.size());
            for (EventOutbox.Claimed d : deliveries) {
                WebhookSender.Answer answer = sender.send(d.url(), d.secret(), d.eventId(), OffsetDateTime.now(clock).toEpochSecond(),
                        d.payload());
                tried.add(new Tried(d, answer, OffsetDateTime.now(clock)));
            }
            claimed += tried.size();
            // one commit for the chunk's outcomes; should it fail, the chunk is sent again when its lease ends (at least once)
            Integer pausedNow = transaction.execute(s -> tried.stream().mapToInt(this::record).sum());
            paused += pausedNow == null ? 0 : pausedNow;
            for (Tried t : tried) {
                if (t.answer().ok()) {
                    sent++;
                } else {
                    failed++;
                }
            }
        }
        return new Round(claimed, sent, failed, paused);
    }

    private record Tried(EventOutbox.Claimed delivery, WebhookSender.Answer answer, OffsetDateTime at) {
    }

    /** Records one try; 1 when it paused the endpoint. */
    private int record(Tried t) {
        EventOutbox.Claimed d = t.delivery();
        if (t.answer().ok()) {
            if (!outbox.sent(d, t.answer().statusCode(), t.at())) {
                log.warn("Event {} was sent to endpoint {} after its claim was taken (a resend, or its lease ran out); the receiver "
                        + "drops a duplicate by its id", d.eventId(), d.endpointId());
            }
            return 0;
        }
        OffsetDateTime retryAt = t.at().plus(backoff.after(d.attempts() + 1));
        boolean pausedNow = outbox.failed(d, t.answer().statusCode(), t.answer().error(), retryAt, settings.pauseAfterFailures(),
                t.at().minus(settings.pauseAfter()), t.at());
        log.info("Event {} to endpoint {} failed (try {}): {}; next try at {}", d.eventId(), d.endpointId(), d.attempts() + 1,
                t.answer().error(), retryAt);
        if (pausedNow) {
            log.warn("Webhook endpoint {} paused after repeated failures; an admin resumes it with POST /api/webhooks/{}/resume",
                    d.endpointId(), d.endpointId());
            return 1;
        }
        return 0;
    }
}
