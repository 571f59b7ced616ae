package br.com.regua.integration.bureau;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import br.com.regua.cases.CaseEvents;
import br.com.regua.events.BusinessEvent;
import br.com.regua.events.EventType;
import br.com.regua.logging.LogText;
import br.com.regua.policy.Stage;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.receivable.ReceivableStatus;

/**
 * What the schedule's facts ask of the bureau, in the transaction that records them: the case
 * reached the bureau report stage, so a listing is requested (the worker sends it, if the policy's
 * conditions still hold then); the debt was paid, its agreement kept or a dispute upheld, so its
 * removal is requested at once, due five business days after payment.
 */
@Service
class BureauService {

    private static final Logger log = LoggerFactory.getLogger(BureauService.class);

    private final BureauListings listings;
    private final BureauProperties settings;
    private final ReceivableRepository receivables;
    private final CaseEvents timeline;
    private final ApplicationEventPublisher published;
    private final Clock clock;

    BureauService(BureauListings listings, BureauProperties settings, ReceivableRepository receivables, CaseEvents timeline,
                  ApplicationEventPublisher published, Clock clock) {
        this.listings = listings;
        this.settings = settings;
        this.receivables = receivables;
        this.timeline = timeline;
        this.published = published;
        this.clock = clock;
    }

    @EventListener
    void on(BusinessEvent event) {
        if (event.type() == EventType.STAGE_REACHED && Stage.BUREAU_REPORT.equals(event.data().get("stage"))) {
            reportStageReached(event);
        } else if (event.type() == EventType.RECEIVABLE_PAID) {
            debtGone(event, event.data().containsKey("agreement") ? "agreement kept" : "paid", paidOn(event));
        } else if (event.type() == EventType.DISPUTE_RESOLVED
                && ReceivableStatus.CANCELLED.name().equals(event.data().get("receivableStatus"))) {
            debtGone(event, "dispute upheld", event.at().atZoneSameInstant(clock.getZone()).toLocalDate());
        }
    }

    private void reportStageReached(BusinessEvent event) {
        Receivable r = receivables.findByExternalId(event.receivable()).orElseThrow();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!settings.configured()) {
            timeline.bureau(r.id(), Stage.BUREAU_REPORT, "no credit bureau is configured: nothing was reported", now);
            return;
        }
        if (listings.request(r.id(), r.externalId(), r.ledger().principalOutstanding(), now)) {
            timeline.bureau(r.id(), Stage.BUREAU_REPORT,
                    "credit bureau listing requested; it is sent once the policy's conditions are checked again", now);
            published.publishEvent(BusinessEvent.of(EventType.BUREAU_LISTING_REQUESTED, r.externalId(), now,
                    "reference", r.externalId(), "amount", r.ledger().principalOutstanding().toPlainString()));
        }
    }

    private void debtGone(BusinessEvent event, String reason, LocalDate paidOn) {
        Optional<Receivable> found = receivables.findByExternalId(event.receivable());
        if (found.isEmpty()) {
            return;
        }
        Receivable r = found.get();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate dueBy = RemovalDeadline.after(paidOn);
        listings.removalRequested(r.id(), reason, dueBy, now).ifPresent(status -> {
            if (status.equals(BureauListings.REMOVAL_REQUESTED)) {
                timeline.bureau(r.id(), r.stage(), "credit bureau removal requested (" + reason + "); due by " + dueBy, now);
                published.publishEvent(BusinessEvent.of(EventType.BUREAU_REMOVAL_REQUESTED, r.externalId(), now,
                        "reason", reason, "dueBy", dueBy.toString()));
                log.info("Credit bureau removal of {} requested ({}), due by {}", LogText.of(r.externalId()), reason, dueBy);
            } else {
                timeline.bureau(r.id(), r.stage(), "credit bureau listing not sent: " + reason + " first", now);
            }
        });
    }

    /** The day the payment was made, as the backend said it: the law's five days run from then, not from when Régua heard. */
    private LocalDate paidOn(BusinessEvent event) {
        Object paidAt = event.data().get("paidAt");
        if (paidAt != null) {
            try {
                return OffsetDateTime.parse(paidAt.toString()).atZoneSameInstant(clock.getZone()).toLocalDate();
            } catch (DateTimeParseException e) {
                // the event's own time below
            }
        }
        return event.at().atZoneSameInstant(clock.getZone()).toLocalDate();
    }
}
