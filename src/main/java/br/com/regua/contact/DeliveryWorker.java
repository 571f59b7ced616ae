package br.com.regua.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import br.com.regua.outbox.Backoff;

/**
 * Delivers the outbox. Each round claims the contacts that are due (a lease, so a crashed worker's
 * contacts go back to the queue when it expires), and for each one asks the policy whether the
 * debtor may be reached now: outside the contact window, or over the weekly limit, the contact is
 * DEFERRED to the first moment it may go; otherwise it is sent and recorded SENT. A failed send is
 * tried again with a doubling backoff; after the last try, or when the provider refuses it for
 * good, it is FAILED, the policy's fallback channel gets the message and an incident on the case
 * tells the people watching Cockpit. The schedule itself never waits for delivery.
 */
@Service
public class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Outbox outbox;
    private final ChannelSenders senders;
    private final DebtorReach reach;
    private final OptOuts optOuts;
    private final DeliveryFailures failures;
    private final DeliveryMetrics metrics;
    private final InstallmentStanding installments;
    private final PromiseStanding promises;
    private final ContactProperties.Delivery settings;
    private final Clock clock;

    DeliveryWorker(Outbox outbox, ChannelSenders senders, DebtorReach reach, OptOuts optOuts, DeliveryFailures failures,
                   DeliveryMetrics metrics, InstallmentStanding installments, PromiseStanding promises, ContactProperties properties,
                   Clock clock) {
        this.outbox = outbox;
        this.senders = senders;
        this.reach = reach;
        this.optOuts = optOuts;
        this.failures = failures;
        this.metrics = metrics;
        this.installments = installments;
        this.promises = promises;
        this.settings = properties.delivery();
        this.clock = clock;
    }

    /** What one round did. */
    public record Round(int claimed, int sent, int deferred, int retrying, int failed) {
    }

    /** Whether any channel is configured; with none, the worker has nothing to do. */
    public boolean delivers() {
        return !senders.channels().isEmpty();
    }

    /** When the next contact falls due on a configured channel; empty when none waits (or no channel is configured). */
    public Optional<Instant> nextDue() {
        return outbox.nextDue(senders.channels()).map(OffsetDateTime::toInstant);
    }

    /** One round: claims up to a batch of due contacts and delivers each. */
    public Round deliverDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int claimed = 0;
        int[] outcomes = new int[Outcome.values().length];
        for (long id : outbox.dueIds(senders.channels(), now, settings.batchSize())) {
            // the lease starts when this contact is claimed, not when the round began: earlier sends may have been slow
            OffsetDateTime claimedAt = OffsetDateTime.now(clock);
            Optional<OutgoingContact> contact = outbox.claim(id, claimedAt, claimedAt.plus(settings.lease()));
            if (contact.isPresent()) {
                claimed++;
                Outcome outcome = deliverOrRecordTheError(contact.get());
                outcomes[outcome.ordinal()]++;
                metrics.outcome(contact.get().channel(), outcome.name().toLowerCase(Locale.ROOT));
            }
        }
        return new Round(claimed, outcomes[Outcome.SENT.ordinal()], outcomes[Outcome.DEFERRED.ordinal()],
                outcomes[Outcome.RETRYING.ordinal()], outcomes[Outcome.FAILED.ordinal()]);
    }

    enum Outcome { SENT, DEFERRED, RETRYING, FAILED }

    /** An unexpected error (the policy failed to evaluate, the database hiccuped) counts as a failed try, so no contact loops forever. */
    private Outcome deliverOrRecordTheError(OutgoingContact c) {
        try {
            return deliver(c);
        } catch (RuntimeException e) {
            log.error("Contact {} could not be delivered", c.id(), e);
            OffsetDateTime at = OffsetDateTime.now(clock);
            int attempt = c.attempts() + 1;
            if (attempt >= settings.maxAttempts()) {
                outbox.failed(c, "gave up after " + attempt + " tries: an internal error", true, at);
                return Outcome.FAILED;
            }
            outbox.retryLater(c, "an internal error", at.plus(backoff(attempt)), at);
            return Outcome.RETRYING;
        }
    }

    private Outcome deliver(OutgoingContact c) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        DebtorReach.Reach debtor = reach.of(c.receivableId(), now);
        Optional<String> unwanted = noLongerWanted(c, debtor);
        if (unwanted.isPresent()) {
            outbox.failed(c, "not sent: " + unwanted.get(), false, now.toOffsetDateTime());
            log.info("Contact {} {} not sent: {}", c.id(), c.what(), unwanted.get());
            return Outcome.FAILED;
        }
        if (optOuts.refused(c.receivableId(), c.channel())) {
            outbox.failed(c, "not sent: the debtor opted out of " + c.channel(), false, now.toOffsetDateTime());
            failures.fallBack(c, debtor, now.toOffsetDateTime());
            return Outcome.FAILED;
        }
        ZonedDateTime allowed = debtor.nextAllowed().apply(now);
        if (allowed.isAfter(now)) {
            outbox.defer(c, "outside the debtor's contact hours", allowed.toOffsetDateTime(), now.toOffsetDateTime());
            log.info("Contact {} deferred to {} (contact hours)", c.id(), allowed);
            return Outcome.DEFERRED;
        }
        Optional<ZonedDateTime> overLimit = overWeeklyLimit(c, debtor, now);
        if (overLimit.isPresent()) {
            outbox.defer(c, "weekly contact limit of " + debtor.maxContactsPerWeek() + " reached", overLimit.get().toOffsetDateTime(),
                    now.toOffsetDateTime());
            log.info("Contact {} deferred to {} (weekly limit)", c.id(), overLimit.get());
            return Outcome.DEFERRED;
        }
        ChannelSender sender = senders.of(c.channel()).orElseThrow();
        try {
            String providerId = sender.send(c);
            if (!outbox.sent(c, providerId, OffsetDateTime.now(clock))) {
                log.warn("Contact {} was sent but its lease had expired and another worker holds it; the idempotency key "
                        + "lets the provider drop the second send", c.id());
            }
            log.info("Contact {} {} sent via {} to {}", c.id(), c.what(), c.channel(), ContactService.mask(c.recipient()));
            return Outcome.SENT;
        } catch (DeliveryException e) {
            OffsetDateTime at = OffsetDateTime.now(clock);
            int attempt = c.attempts() + 1;
            if (e.permanent() || attempt >= settings.maxAttempts()) {
                String reason = (e.permanent() ? "refused: " : "gave up after " + attempt + " tries: ") + e.getMessage();
                if (outbox.failed(c, reason, true, at)) {
                    failures.gaveUp(c, reason, debtor, at);
                }
                log.warn("Contact {} via {} FAILED: {}", c.id(), c.channel(), reason);
                return Outcome.FAILED;
            }
            OffsetDateTime retryAt = at.plus(backoff(attempt));
            outbox.retryLater(c, e.getMessage(), retryAt, at);
            log.info("Contact {} via {} failed (try {} of {}), next try at {}: {}", c.id(), c.channel(), attempt,
                    settings.maxAttempts(), retryAt, e.getMessage());
            return Outcome.RETRYING;
        }
    }

    /**
     * Why a message recorded earlier would now be wrong to send, by its kind; empty when it may go.
     * A message waits (contact hours, the weekly limit, retries) and the debt moves on meanwhile.
     */
    private Optional<String> noLongerWanted(OutgoingContact c, DebtorReach.Reach debtor) {
        return switch (c.kind()) {
            // paid, in an agreement or disputed since the step: a collection message would now be wrong
            case SCHEDULE -> debtor.collecting() ? Optional.empty() : Optional.of("the receivable is no longer being collected");
            case INSTALLMENT_REMINDER -> c.agreementId() != null && c.installment() != null
                    && installments.awaited(c.agreementId(), c.installment()) ? Optional.empty()
                    : Optional.of("the installment was paid or the agreement has ended");
            case PROMISE_REMINDER -> c.promiseId() != null && promises.open(c.promiseId()) ? Optional.empty()
                    : Optional.of("the promise to pay was kept or has ended");
            case THANK_YOU, AGREEMENT, DISPUTE -> Optional.empty();
        };
    }

    /** Empty when the message fits the weekly limit; otherwise the first allowed moment it will fit. */
    private Optional<ZonedDateTime> overWeeklyLimit(OutgoingContact c, DebtorReach.Reach debtor, ZonedDateTime now) {
        Integer max = debtor.maxContactsPerWeek();
        if (max == null) {
            return Optional.empty();
        }
        OffsetDateTime weekAgo = now.toOffsetDateTime().minusDays(7);
        List<String> steps = outbox.stepsSentToCustomerSince(c.receivableId(), weekAgo);
        // a step already counted (its e-mail went, this is its SMS) does not count again
        if (steps.contains(stepKeyOf(c)) || steps.size() < max) {
            return Optional.empty();
        }
        OffsetDateTime oldest = outbox.oldestSendToCustomerSince(c.receivableId(), weekAgo).orElse(now.toOffsetDateTime());
        ZonedDateTime fits = oldest.plusDays(7).plusSeconds(1).atZoneSameInstant(now.getZone());
        return Optional.of(debtor.nextAllowed().apply(fits));
    }

    static String stepKeyOf(OutgoingContact c) {
        if (c.stepKey() != null) {
            return c.stepKey();
        }
        String key = c.idempotencyKey();
        return key.substring(0, key.lastIndexOf(':'));
    }

    Duration backoff(int attempt) {
        return new Backoff(settings.firstBackoff(), settings.maxBackoff()).after(attempt);
    }
}
