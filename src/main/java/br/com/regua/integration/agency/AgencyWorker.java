package br.com.regua.integration.agency;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

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
import br.com.regua.receivable.ReceivableStatus;

/**
 * Sends the placements and recalls. Each round claims what is due, one row at a time with a lease:
 * of two nodes only one sends a row. A placement is built when it is sent, with what is owed that
 * day, and only while the debt is still open; a recall is sent until the agency confirms it. 5xx,
 * 408, 429 and no answer are tried again after a doubling backoff; any other 4xx fails a placement
 * for a person to look at (a recall is never given up).
 */
@Service
public class AgencyWorker {

    private static final Logger log = LoggerFactory.getLogger(AgencyWorker.class);

    private final AgencyPlacements placements;
    private final PlacementBody bodies;
    private final AgencyApi api;
    private final AgencyProperties settings;
    private final ReceivableRepository receivables;
    private final CaseEvents timeline;
    private final ApplicationEventPublisher published;
    private final TransactionTemplate transaction;
    private final Backoff backoff;
    private final Clock clock;

    AgencyWorker(AgencyPlacements placements, PlacementBody bodies, AgencyApi api, AgencyProperties settings,
                 ReceivableRepository receivables, CaseEvents timeline, ApplicationEventPublisher published,
                 PlatformTransactionManager transactions, Clock clock) {
        this.placements = placements;
        this.bodies = bodies;
        this.api = api;
        this.settings = settings;
        this.receivables = receivables;
        this.timeline = timeline;
        this.published = published;
        this.transaction = new TransactionTemplate(transactions);
        this.backoff = new Backoff(settings.agencyWorker().firstBackoff(), settings.agencyWorker().maxBackoff());
        this.clock = clock;
    }

    /** What one round did: rows claimed, and of them placed and recalled. */
    public record Round(int claimed, int placed, int recalled) {
    }

    public Round sendDue() {
        int claimed = 0;
        int placed = 0;
        int recalled = 0;
        List<Long> due = placements.dueIds(OffsetDateTime.now(clock), settings.agencyWorker().batchSize());
        for (long id : due) {
            OffsetDateTime at = OffsetDateTime.now(clock);
            Optional<AgencyPlacements.Row> claim = placements.claim(id, at, at.plus(settings.agencyWorker().lease()));
            if (claim.isEmpty()) {
                continue; // another node has it, or it is no longer due
            }
            claimed++;
            AgencyPlacements.Row row = claim.get();
            String outcome = row.status().equals(AgencyPlacements.REQUESTED) ? place(row) : recall(row);
            if (outcome.equals(AgencyPlacements.PLACED)) {
                placed++;
            } else if (outcome.equals(AgencyPlacements.RECALLED)) {
                recalled++;
            }
        }
        return new Round(claimed, placed, recalled);
    }

    private String place(AgencyPlacements.Row row) {
        Receivable r = receivables.get(row.receivableId());
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (r.status() != ReceivableStatus.OPEN || row.recallReason() != null) {
            String why = row.recallReason() != null ? row.recallReason() : "the debt is " + r.status();
            return inTransaction(() -> {
                if (placements.notSent(row, why, now)) {
                    timeline.agency(r.id(), r.stage(), "placement with the collection agency " + row.agency() + " not sent: " + why, now);
                }
                return "";
            });
        }
        PlacementBody.Built built = transaction.execute(s -> bodies.of(row));
        AgencyApi.Answer answer = api.place(row.agency(), row.reference(), built.body());
        OffsetDateTime at = OffsetDateTime.now(clock);
        return switch (answer.outcome()) {
            case DONE, ALREADY -> inTransaction(() -> placed(row, built, answer, at));
            case RETRY -> retry(row, answer, at);
            case REFUSED -> inTransaction(() -> {
                if (placements.failed(row, answer.error(), at)) {
                    timeline.agency(r.id(), r.stage(), "the collection agency " + row.agency() + " refused the placement: "
                            + answer.error(), at);
                    log.error("Agency {} refused the placement of {}: {}; it is not tried again", row.agency(),
                            LogText.of(row.reference()), answer.error());
                }
                return AgencyPlacements.FAILED;
            });
        };
    }

    private String placed(AgencyPlacements.Row row, PlacementBody.Built built, AgencyApi.Answer answer, OffsetDateTime at) {
        // an agency that gives no id (a duplicate answered without a body) knows the placement by our reference
        String ref = answer.id() != null ? answer.id() : row.reference();
        Optional<String> status = placements.placed(row, ref, built.owed(), at);
        if (status.isEmpty()) {
            log.warn("The placement {} was sent after its claim was taken; the agency drops a duplicate by its reference",
                    LogText.of(row.reference()));
            return "";
        }
        Receivable r = receivables.get(row.receivableId());
        timeline.agency(r.id(), r.stage(), "placed with the collection agency " + row.agency() + " (total R$ "
                + built.owed().total().toPlainString() + " as of " + built.owed().asOf() + ")", at);
        published.publishEvent(BusinessEvent.of(EventType.AGENCY_PLACED, r.externalId(), at, "agency", row.agency(),
                "agencyId", ref, "principal", built.owed().principal().toPlainString(), "fine", built.owed().fine().toPlainString(),
                "interest", built.owed().interest().toPlainString(), "total", built.owed().total().toPlainString()));
        if (status.get().equals(AgencyPlacements.RECALL_REQUESTED)) {
            timeline.agency(r.id(), r.stage(), "the debt ended while it was being placed: its recall is asked for now", at);
        }
        return AgencyPlacements.PLACED;
    }

    private String recall(AgencyPlacements.Row row) {
        String reason = row.recallReason() == null ? "ended" : row.recallReason();
        AgencyApi.Answer answer = api.recall(row.agency(), row.agencyRef(), row.reference(), reason);
        OffsetDateTime at = OffsetDateTime.now(clock);
        if (answer.outcome() == AgencyApi.Outcome.DONE || answer.outcome() == AgencyApi.Outcome.ALREADY) {
            return inTransaction(() -> {
                if (!placements.recalled(row, at)) {
                    return "";
                }
                Receivable r = receivables.get(row.receivableId());
                timeline.agency(r.id(), r.stage(), "recalled from the collection agency " + row.agency() + " (" + reason + ")", at);
                published.publishEvent(BusinessEvent.of(EventType.AGENCY_RECALLED, r.externalId(), at, "agency", row.agency(),
                        "agencyId", row.agencyRef(), "reason", reason, "status", AgencyPlacements.RECALLED));
                return AgencyPlacements.RECALLED;
            });
        }
        // a recall is never given up: a refusal is retried as a failure is
        return retry(row, answer, at);
    }

    private String retry(AgencyPlacements.Row row, AgencyApi.Answer answer, OffsetDateTime at) {
        OffsetDateTime next = at.plus(backoff.after(row.attempts() + 1));
        inTransaction(() -> placements.later(row, answer.error(), next, at) ? "" : "");
        log.info("Agency {} call for {} failed (try {}): {}; next try at {}", row.agency(), LogText.of(row.reference()),
                row.attempts() + 1, answer.error(), next);
        return "";
    }

    private String inTransaction(Supplier<String> work) {
        String result = transaction.execute(s -> work.get());
        return result == null ? "" : result;
    }
}
