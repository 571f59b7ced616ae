package br.com.regua.integration.bureau;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import br.com.regua.cases.CaseEvents;
import br.com.regua.events.BusinessEvent;
import br.com.regua.events.EventType;
import br.com.regua.logging.LogText;
import br.com.regua.outbox.Backoff;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableRepository;

/**
 * Sends the listings and removals. Each round first reports removals past their deadline (an ERROR
 * log, once, by whichever node flags it), then claims what is due, one row at a time with a lease:
 * of two nodes only one sends a row. A listing is checked against the policy right before it is
 * sent ({@link ListingConditions}); a removal is sent, then asked about until the bureau confirms it.
 * 5xx, 408, 429 and no answer are tried again after a doubling backoff; any other 4xx fails the
 * listing for a person to look at.
 */
@Service
public class BureauWorker {

    private static final Logger log = LoggerFactory.getLogger(BureauWorker.class);

    private final BureauListings listings;
    private final ListingConditions conditions;
    private final Bureau bureau;
    private final BureauProperties settings;
    private final ReceivableRepository receivables;
    private final CaseEvents timeline;
    private final ApplicationEventPublisher published;
    private final TransactionTemplate transaction;
    private final Backoff backoff;
    private final Clock clock;

    BureauWorker(BureauListings listings, ListingConditions conditions, Bureau bureau, BureauProperties settings,
                 ReceivableRepository receivables, CaseEvents timeline, ApplicationEventPublisher published,
                 PlatformTransactionManager transactions, Clock clock) {
        this.listings = listings;
        this.conditions = conditions;
        this.bureau = bureau;
        this.settings = settings;
        this.receivables = receivables;
        this.timeline = timeline;
        this.published = published;
        this.transaction = new TransactionTemplate(transactions);
        this.backoff = new Backoff(settings.firstBackoff(), settings.maxBackoff());
        this.clock = clock;
    }

    /** What one round did: rows claimed, and of them listed, refused, removed; removals newly overdue. */
    public record Round(int claimed, int listed, int refused, int removed, int overdue) {
    }

    public Round sendDue() {
        int overdue = flagOverdueRemovals();
        int claimed = 0;
        int listed = 0;
        int refused = 0;
        int removed = 0;
        List<Long> due = listings.dueIds(OffsetDateTime.now(clock), settings.batchSize());
        for (long id : due) {
            OffsetDateTime at = OffsetDateTime.now(clock);
            Optional<BureauListings.Row> claim = listings.claim(id, at, at.plus(settings.lease()));
            if (claim.isEmpty()) {
                continue; // another node has it, or it is no longer due
            }
            claimed++;
            BureauListings.Row row = claim.get();
            String outcome = row.status().equals(BureauListings.REQUESTED) ? include(row) : remove(row);
            switch (outcome) {
                case BureauListings.LISTED -> listed++;
                case BureauListings.REFUSED -> refused++;
                case BureauListings.REMOVED -> removed++;
                default -> { }
            }
        }
        return new Round(claimed, listed, refused, removed, overdue);
    }

    private String include(BureauListings.Row row) {
        ListingConditions.Verdict verdict = transaction.execute(s -> conditions.check(row));
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (verdict instanceof ListingConditions.Refuse refuse) {
            return inTransaction(() -> {
                if (!listings.refused(row, refuse.reason(), now)) {
                    return "";
                }
                Receivable r = receivables.get(row.receivableId());
                timeline.bureau(r.id(), r.stage(), "credit bureau listing refused: " + refuse.reason(), now);
                published.publishEvent(BusinessEvent.of(EventType.BUREAU_LISTING_REFUSED, r.externalId(), now,
                        "reference", row.reference(), "reason", refuse.reason()));
                log.info("Credit bureau listing of {} refused: {}", LogText.of(r.externalId()), refuse.reason());
                return BureauListings.REFUSED;
            });
        }
        if (verdict instanceof ListingConditions.Wait wait) {
            inTransaction(() -> listings.later(row, wait.why(), false, wait.until(), now) ? "" : "");
            return "";
        }
        Bureau.Listing listing = ((ListingConditions.Send) verdict).listing();
        Bureau.Answer answer = bureau.include(listing);
        OffsetDateTime answeredAt = OffsetDateTime.now(clock);
        return switch (answer.outcome()) {
            case DONE, ALREADY, PENDING -> inTransaction(() -> listed(row, listing, answer, answeredAt));
            case RETRY -> retry(row, answer, answeredAt);
            case REFUSED -> inTransaction(() -> {
                if (listings.failed(row, answer.error(), answeredAt)) {
                    Receivable r = receivables.get(row.receivableId());
                    timeline.bureau(r.id(), r.stage(), "the credit bureau refused the listing: " + answer.error(), answeredAt);
                    log.error("The credit bureau refused the listing of {}: {}; it is not tried again", LogText.of(r.externalId()),
                            answer.error());
                }
                return BureauListings.FAILED;
            });
        };
    }

    private String listed(BureauListings.Row row, Bureau.Listing listing, Bureau.Answer answer, OffsetDateTime at) {
        // a bureau that gives no id (a duplicate answered without a body) knows the listing by our reference
        String ref = answer.id() != null ? answer.id() : row.reference();
        Optional<String> status = listings.listed(row, ref, listing.amount(), at);
        if (status.isEmpty()) {
            log.warn("The listing {} was sent after its claim was taken; the bureau drops a duplicate by its reference",
                    LogText.of(row.reference()));
            return "";
        }
        Receivable r = receivables.get(row.receivableId());
        String detail = "listed at the credit bureau (R$ " + listing.amount().toPlainString() + ")"
                + (answer.outcome() == Bureau.Outcome.ALREADY ? ", as it already was under this reference" : "");
        timeline.bureau(r.id(), r.stage(), detail, at);
        published.publishEvent(BusinessEvent.of(EventType.BUREAU_LISTING_CONFIRMED, r.externalId(), at,
                "reference", row.reference(), "bureauId", ref, "amount", listing.amount().toPlainString()));
        if (status.get().equals(BureauListings.REMOVAL_REQUESTED)) {
            timeline.bureau(r.id(), r.stage(), "the debt ended while the listing was being sent: its removal is asked for now", at);
            published.publishEvent(BusinessEvent.of(EventType.BUREAU_REMOVAL_REQUESTED, r.externalId(), at,
                    "reason", "ended while the listing was being sent", "dueBy", String.valueOf(listings.ofReceivable(r.id())
                            .map(BureauListings.Row::removalDueBy).orElse(null))));
        }
        return BureauListings.LISTED;
    }

    private String remove(BureauListings.Row row) {
        Bureau.Answer answer = row.removalSentAt() == null ? bureau.remove(row.bureauRef(), row.reference()) : bureau.status(row.bureauRef());
        OffsetDateTime at = OffsetDateTime.now(clock);
        boolean gone = answer.outcome() == Bureau.Outcome.ALREADY
                || (answer.outcome() == Bureau.Outcome.DONE && (row.removalSentAt() == null || "REMOVED".equals(answer.status())));
        if (gone) {
            return inTransaction(() -> {
                if (!listings.removed(row, at)) {
                    return "";
                }
                Receivable r = receivables.get(row.receivableId());
                LocalDate today = at.atZoneSameInstant(clock.getZone()).toLocalDate();
                boolean inTime = row.removalDueBy() == null || !today.isAfter(row.removalDueBy());
                timeline.bureau(r.id(), r.stage(), "removed from the credit bureau" + (inTime ? ", within" : ", AFTER")
                        + " the deadline of " + row.removalDueBy(), at);
                published.publishEvent(BusinessEvent.of(EventType.BUREAU_LISTING_REMOVED, r.externalId(), at,
                        "reference", row.reference(), "bureauId", row.bureauRef(), "dueBy", String.valueOf(row.removalDueBy()),
                        "withinDeadline", inTime));
                return BureauListings.REMOVED;
            });
        }
        if (answer.outcome() == Bureau.Outcome.DONE || answer.outcome() == Bureau.Outcome.PENDING) {
            // accepted, or still listed when asked: ask again later, until the bureau says it is gone
            inTransaction(() -> listings.removalSent(row, at.plus(settings.confirmEvery()), at) ? "" : "");
            return "";
        }
        // a removal is never given up: a refusal is retried as a failure is, and the deadline watch raises it
        return retry(row, answer, at);
    }

    private String retry(BureauListings.Row row, Bureau.Answer answer, OffsetDateTime at) {
        OffsetDateTime next = at.plus(backoff.after(row.attempts() + 1));
        inTransaction(() -> listings.later(row, answer.error(), true, next, at) ? "" : "");
        log.info("Credit bureau call for {} failed (try {}): {}; next try at {}", LogText.of(row.reference()), row.attempts() + 1,
                answer.error(), next);
        return "";
    }

    /**
     * Removals still not confirmed on their last day: an incident, logged once as an ERROR and written in the timeline
     * on that day, while someone can still chase the bureau; past the day, the metrics count them as overdue.
     */
    private int flagOverdueRemovals() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.atZoneSameInstant(clock.getZone()).toLocalDate();
        int flagged = 0;
        for (BureauListings.Overdue o : listings.overdueNotFlagged(today)) {
            Boolean mine = transaction.execute(s -> {
                if (!listings.flagOverdue(o.id(), now)) {
                    return false;
                }
                Receivable r = receivables.get(o.receivableId());
                timeline.bureau(r.id(), r.stage(), "INCIDENT: the credit bureau removal is still not confirmed on " + o.dueBy()
                        + ", the last day STJ Súmula 548 allows", now);
                return true;
            });
            if (Boolean.TRUE.equals(mine)) {
                flagged++;
                log.error("Credit bureau removal of {} still not confirmed on its last day {} (STJ Súmula 548): see GET /api/reports/bureau",
                        LogText.of(o.reference()), o.dueBy());
            }
        }
        return flagged;
    }

    private String inTransaction(java.util.function.Supplier<String> work) {
        String result = transaction.execute(s -> work.get());
        return result == null ? "" : result;
    }
}
