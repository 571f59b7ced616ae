package br.com.regua.agreement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import br.com.regua.errors.ConflictException;
import br.com.regua.errors.InvalidInputException;
import br.com.regua.errors.NotFoundException;
import br.com.regua.events.BusinessEvent;
import br.com.regua.events.EventType;
import br.com.regua.logging.LogText;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.receivable.ReceivableStatus;
import br.com.regua.cases.CaseEvents;
import br.com.regua.cases.CollectionCases;
import br.com.regua.cases.CollectionProcess;

/**
 * Disputes (contestações): opening one stops the schedule of the receivable's case, so nothing is
 * said and no bureau step is taken, and puts a "Review dispute" task in Tasklist. Upheld, the
 * receivable is cancelled, or its amount corrected and collection goes on; rejected, collection
 * goes on with the days of the dispute not counted against the debtor.
 */
@Service
public class DisputeService {

    private static final Logger log = LoggerFactory.getLogger(DisputeService.class);

    private final JdbcClient jdbc;
    private final ReceivableRepository receivables;
    private final CollectionCases cases;
    private final CaseEvents events;
    private final TaskService tasks;
    private final ApplicationEventPublisher published;
    private final DisputeReceipts receipts;
    private final Clock clock;

    DisputeService(JdbcClient jdbc, ReceivableRepository receivables, CollectionCases cases, CaseEvents events, TaskService tasks,
                   ApplicationEventPublisher published, DisputeReceipts receipts, Clock clock) {
        this.jdbc = jdbc;
        this.receipts = receipts;
        this.receivables = receivables;
        this.cases = cases;
        this.events = events;
        this.tasks = tasks;
        this.published = published;
        this.clock = clock;
    }

    @Transactional
    public DisputeView open(String receivableExternalId, String reason) {
        return open(receivableExternalId, reason, null);
    }

    /**
     * Opens a dispute with the receipt of a payment the debtor says they made (null: none). A file
     * that is no receipt ({@link DisputeReceipts#check}) is refused before anything is written.
     */
    @Transactional
    public DisputeView open(String receivableExternalId, String reason, byte[] receipt) {
        if (receipt != null) {
            DisputeReceipts.check(receipt);
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new InvalidInputException("reason", "must say, in at most 1000 characters, why the debt is disputed");
        }
        Receivable found = receivables.findByExternalId(receivableExternalId)
                .orElseThrow(() -> new NotFoundException("no receivable with external id " + receivableExternalId));
        Receivable r = receivables.lock(found.id());
        if (r.status() != ReceivableStatus.OPEN) {
            throw new ConflictException("externalId", "receivable " + r.externalId() + " is " + r.status() + ": it cannot be disputed now");
        }
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("insert into dispute (id, receivable_id, reason, status, opened_at) values (?, ?, ?, 'OPEN', ?)")
                .params(id, r.id(), reason.strip(), now).update();
        events.stageReached(r.id(), r.stage(), "dispute " + id + " opened: collection paused", now);
        published.publishEvent(BusinessEvent.of(EventType.DISPUTE_OPENED, r.externalId(), now, "dispute", id, "reason", reason.strip()));
        // paused: no next step until the dispute is resolved
        if (!cases.pauseForDispute(r, id, reason.strip(), now)) {
            throw new ConflictException("externalId", "the collection case of " + r.externalId() + " is not in its schedule");
        }
        if (receipt != null) {
            receipts.store(id, receipt, now);
        }
        log.info("Dispute {} opened on {}", id, LogText.of(r.externalId()));
        return get(id);
    }

    /**
     * Records the reviewer's decision and completes the "Review dispute" task; the process then
     * applies it ({@link #apply}). {@code correctedAmount} (upheld only) keeps the debt at a new amount.
     */
    @Transactional
    public DisputeView resolve(String disputeId, DisputeOutcome outcome, BigDecimal correctedAmount, String note) {
        Row d = row(disputeId).orElseThrow(() -> new NotFoundException("no dispute with id " + disputeId));
        if (outcome == null) {
            throw new InvalidInputException("outcome", "must be UPHELD or REJECTED");
        }
        if (correctedAmount != null) {
            if (outcome != DisputeOutcome.UPHELD) {
                throw new InvalidInputException("correctedAmount", "only an upheld dispute corrects the amount");
            }
            if (correctedAmount.signum() <= 0 || correctedAmount.scale() > 2) {
                throw new InvalidInputException("correctedAmount", "must be a positive amount in reais with at most 2 decimals");
            }
        }
        if (note != null && note.length() > 1000) {
            throw new InvalidInputException("note", "must have at most 1000 characters");
        }
        if (!"OPEN".equals(d.status())) {
            throw new ConflictException("id", "dispute " + disputeId + " is already " + d.status());
        }
        Receivable r = receivables.get(d.receivableId());
        Task review = tasks.createTaskQuery().processInstanceBusinessKey(r.externalId())
                .taskDefinitionKey(CollectionProcess.USER_TASK_REVIEW_DISPUTE).singleResult();
        if (review == null) {
            throw new ConflictException("id", "no review of dispute " + disputeId + " is waiting");
        }
        jdbc.sql("update dispute set corrected_amount = ?, resolution_note = ? where id = ?")
                .params(correctedAmount, note, disputeId).update();
        // applied here, so that the answer says what changed; the process, from the review on, goes
        // on in a job of its own and finds the outcome applied
        apply(disputeId, outcome);
        tasks.complete(review.getId(), Map.of(CollectionProcess.VAR_DISPUTE_OUTCOME, outcome.name()));
        return get(disputeId);
    }

    /**
     * Applies the outcome (from the API or from the Tasklist form); true when collection goes on.
     * An outcome already applied (the API applies it before the process goes on) is not applied twice.
     */
    @Transactional
    public boolean apply(String disputeId, DisputeOutcome outcome) {
        Row d = row(disputeId).orElseThrow();
        Receivable r = receivables.lock(d.receivableId());
        if (!"OPEN".equals(d.status())) {
            return !(DisputeOutcome.UPHELD.name().equals(d.status()) && d.correctedAmount() == null);
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        OffsetDateTime at = now.toOffsetDateTime();
        jdbc.sql("update dispute set status = ?, resolved_at = ? where id = ?").params(outcome.name(), at, disputeId).update();
        if (outcome == DisputeOutcome.UPHELD && d.correctedAmount() == null) {
            events.stageReached(r.id(), r.stage(), "dispute " + disputeId + " upheld: the receivable is cancelled", at);
            published.publishEvent(BusinessEvent.of(EventType.DISPUTE_RESOLVED, r.externalId(), at, "dispute", disputeId,
                    "outcome", outcome.name(), "correctedAmount", null, "receivableStatus", ReceivableStatus.CANCELLED.name()));
            // after the resolution, so that a backend hears of it before any restored service
            cases.cancel(r, at);
            return false;
        }
        cases.resumeAfterDispute(r, d.openedAt().atZoneSameInstant(now.getZone()).toLocalDate(), now.toLocalDate(), at);
        if (d.correctedAmount() != null) {
            // what was paid of the principal stays paid; charges carried on the wrong amount go
            BigDecimal paid = r.principal().subtract(r.ledger().principalOutstanding());
            receivables.correctPrincipal(r.id(), d.correctedAmount(), d.correctedAmount().subtract(paid).max(BigDecimal.ZERO.setScale(2)), at);
        }
        events.stageReached(r.id(), r.stage(), "dispute " + disputeId + " " + outcome.name().toLowerCase()
                + (d.correctedAmount() != null ? ": amount corrected to " + d.correctedAmount() : "")
                + "; collection resumes, " + receivables.get(r.id()).pausedDays() + " paused day(s) not counted", at);
        published.publishEvent(BusinessEvent.of(EventType.DISPUTE_RESOLVED, r.externalId(), at, "dispute", disputeId,
                "outcome", outcome.name(), "correctedAmount", d.correctedAmount() == null ? null : d.correctedAmount().toPlainString(),
                "receivableStatus", ReceivableStatus.OPEN.name()));
        return true;
    }

    public DisputeView get(String disputeId) {
        Row d = row(disputeId).orElseThrow(() -> new NotFoundException("no dispute with id " + disputeId));
        DisputeView.ReceiptView receipt = jdbc.sql("select content_type, size_bytes, sha256, created_at from dispute_receipt where dispute_id = ?")
                .param(disputeId).query((rs, n) -> new DisputeView.ReceiptView(rs.getString("content_type"), rs.getInt("size_bytes"),
                        rs.getString("sha256"), rs.getObject("created_at", OffsetDateTime.class))).optional().orElse(null);
        return new DisputeView(d.id(), receivables.get(d.receivableId()).externalId(), d.reason(), d.status(), d.correctedAmount(),
                d.note(), d.openedAt(), d.resolvedAt(), receipt);
    }

    private record Row(String id, long receivableId, String reason, String status, BigDecimal correctedAmount, String note,
                       OffsetDateTime openedAt, OffsetDateTime resolvedAt) {
    }

    private Optional<Row> row(String id) {
        return jdbc.sql("select * from dispute where id = ?").param(id)
                .query((rs, n) -> new Row(rs.getString("id"), rs.getLong("receivable_id"), rs.getString("reason"), rs.getString("status"),
                        rs.getBigDecimal("corrected_amount"), rs.getString("resolution_note"),
                        rs.getObject("opened_at", OffsetDateTime.class), rs.getObject("resolved_at", OffsetDateTime.class)))
                .optional();
    }
}
