package br.com.regua.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.Clock;
import java.util.Date;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import br.com.regua.events.BusinessEvent;
import br.com.regua.events.EventType;
import br.com.regua.policy.Segment;
import br.com.regua.policy.StageCatalog.StageInfo;
import br.com.regua.policy.StageKeys;
import br.com.regua.receivable.CaseStarter;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.receivable.ReceivableStatus;

/**
 * The one owner of a collection case: its link to the process (business key = the receivable's
 * external id) and its position in the schedule. Everything else asks it, through a few verbs:
 * start, advance (a step was taken), pause (an agreement, a dispute), hold (a promise to pay), resume,
 * settle, cancel. It alone moves a receivable between being collected, paused and cancelled; the
 * ledger alone marks it paid.
 */
@Component
public class CollectionCases implements CaseStarter {

    private static final Logger log = LoggerFactory.getLogger(CollectionCases.class);

    /** A receivable whose case is meant to be running. Régua settles a receivable (paid, written off, cancelled) before its case ends. */
    private static final Set<ReceivableStatus> IN_COLLECTION =
            EnumSet.of(ReceivableStatus.OPEN, ReceivableStatus.IN_AGREEMENT, ReceivableStatus.DISPUTED);

    private final RuntimeService runtime;
    private final ManagementService management;
    private final ProcessEngineConfigurationImpl engine;
    private final ReceivableRepository receivables;
    private final CasePositions positions;
    private final CollectionStages stages;
    private final CaseEvents events;
    private final ApplicationEventPublisher published;
    private final Clock clock;

    public CollectionCases(RuntimeService runtime, ManagementService management, ProcessEngineConfigurationImpl engine,
                           ReceivableRepository receivables, CasePositions positions, CollectionStages stages, CaseEvents events,
                           ApplicationEventPublisher published, Clock clock) {
        this.published = published;
        this.runtime = runtime;
        this.management = management;
        this.engine = engine;
        this.receivables = receivables;
        this.positions = positions;
        this.stages = stages;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Runs work as one engine command in one transaction. The cases it starts reach the database
     * in one batched flush when it ends, instead of one flush and one commit per case; an exception
     * rolls all of it back.
     */
    @Override
    public <T> T inOneCommand(Supplier<T> work) {
        return engine.getCommandExecutorTxRequired().execute(commandContext -> work.get());
    }

    /** Starts the case; classification runs in the caller's transaction. Returns the instance id. */
    @Override
    public String start(String externalId, long receivableId) {
        return runtime.startProcessInstanceByKey(CollectionProcess.KEY, externalId,
                Map.of(CollectionProcess.VAR_RECEIVABLE_ID, receivableId)).getId();
    }

    /**
     * Where the case stands after a decision of the schedule: the stage and day of its last step,
     * the next step ({@code nextStage} null: none), the stages reached so far. A case just classified
     * gives its {@code caseId}, which a receivable without one takes; later steps give null.
     */
    public void advance(Receivable r, String caseId, String stage, Integer lastStepDay, Segment segment, String nextStage,
                        OffsetDateTime nextStepAt, Map<String, Integer> reachedDays, OffsetDateTime at) {
        positions.update(r.id(), caseId, stage, lastStepDay, segment, nextStage, nextStepAt, reachedDays, at);
    }

    /** Ends the case wherever it is, with a thank-you; a case that already ended is left alone. */
    public void settle(Receivable r) {
        restoreService(r, OffsetDateTime.now(clock));
        runtime.createMessageCorrelation(CollectionProcess.MESSAGE_BALANCE_SETTLED)
                .processInstanceBusinessKey(r.externalId())
                .correlateAllWithResult();
    }

    /**
     * A debt whose case told the backends to suspend the debtor's service (a stage declaring
     * {@code suspendsService}) is paid or cancelled: they are told to restore it.
     */
    private void restoreService(Receivable r, OffsetDateTime at) {
        r.reachedDays().keySet().stream()
                .filter(key -> stages.find(key).map(StageInfo::suspendsService).orElse(false))
                .findFirst()
                .ifPresent(stage -> published.publishEvent(BusinessEvent.of(EventType.SERVICE_RESTORE, r.externalId(), at,
                        "suspendedAt", stage)));
    }

    /** The schedule stops while an agreement runs. False when the case was not in its schedule. */
    public boolean pauseForAgreement(Receivable r, OffsetDateTime at) {
        receivables.updateStatus(r.id(), ReceivableStatus.IN_AGREEMENT, at);
        positions.clearNextStep(r.id(), at);
        return !runtime.createMessageCorrelation(CollectionProcess.MESSAGE_AGREEMENT_ACCEPTED)
                .processInstanceBusinessKey(r.externalId())
                .correlateAllWithResult().isEmpty();
    }

    /**
     * A promise to pay holds the escalation: the case takes no step before {@code until} (the
     * promised date plus its tolerance). Its schedule keeps its place; a timer that would fire
     * sooner (the next stage, the collector's call running out) is moved to {@code until}, when the
     * schedule asks the policy again what is due, on the facts of that day.
     */
    public void holdForPromise(Receivable r, OffsetDateTime until, OffsetDateTime at) {
        positions.hold(r.id(), until, at);
        if (r.caseId() == null) {
            return;
        }
        Date held = Date.from(until.toInstant());
        management.createJobQuery().processInstanceId(r.caseId()).timers().list().stream()
                .filter(job -> job.getDuedate() != null && job.getDuedate().before(held))
                .forEach(job -> management.setJobDuedate(job.getId(), held));
    }

    /** The schedule stops and a person reviews the dispute. False when the case was not in its schedule. */
    public boolean pauseForDispute(Receivable r, String disputeId, String reason, OffsetDateTime at) {
        receivables.updateStatus(r.id(), ReceivableStatus.DISPUTED, at);
        positions.clearNextStep(r.id(), at);
        return !runtime.createMessageCorrelation(CollectionProcess.MESSAGE_DISPUTE_OPENED)
                .processInstanceBusinessKey(r.externalId())
                .setVariable(CollectionProcess.VAR_DISPUTE_ID, disputeId)
                .setVariable(CollectionProcess.VAR_DISPUTE_REASON, reason)
                .correlateAllWithResult().isEmpty();
    }

    /**
     * A dispute was rejected (or upheld with a corrected amount): the days under review do not count
     * against the debtor; the process goes back to its schedule by itself.
     */
    public void resumeAfterDispute(Receivable r, LocalDate openedOn, LocalDate today, OffsetDateTime at) {
        receivables.updateStatus(r.id(), ReceivableStatus.OPEN, at);
        positions.setPausedDays(r.id(), pausedDays(r, openedOn, today), at);
    }

    /**
     * The debt is gone without being paid (a dispute upheld in full): the receivable is cancelled and
     * has no next step; its process ends by its own path.
     */
    public void cancel(Receivable r, OffsetDateTime at) {
        receivables.updateStatus(r.id(), ReceivableStatus.CANCELLED, at);
        positions.clearNextStep(r.id(), at);
        restoreService(r, at);
    }

    /** The schedule's last stage settles the receivable with the status the stage declares (e.g. written off). */
    public void endWith(Receivable r, ReceivableStatus status, OffsetDateTime at) {
        receivables.updateStatus(r.id(), status, at);
    }

    /**
     * An agreement was broken: the schedule restarts from the facts of now. When the terms name a
     * resume stage the case has not reached and the policy plans it ({@code resumeDay}), it resumes
     * there today and the steps before it are not repeated; otherwise it picks up where it left off,
     * the days spent in the agreement not counted against the debtor.
     */
    public void resumeAfterAgreement(Receivable r, LocalDate agreedOn, String resumeStage, Integer resumeDay, LocalDate today,
                                     OffsetDateTime at) {
        receivables.updateStatus(r.id(), ReceivableStatus.OPEN, at);
        int paused = pausedDays(r, agreedOn, today);
        String stage = r.stage();
        Integer lastDay = r.lastStepDay();
        if (resumeStage != null && resumeDay != null && stages.knows(resumeStage)) {
            boolean ahead = lastDay == null || resumeDay > lastDay
                    || (resumeDay.equals(lastDay) && stages.order(resumeStage) > stages.order(stage));
            if (ahead) {
                int overdue = (int) ChronoUnit.DAYS.between(r.dueDate(), today);
                paused = Math.max(r.pausedDays(), overdue - resumeDay);
                // a position just before the resume stage, so the planner takes it as the next step; the
                // stage stays the one the case really reached when that is earlier
                stage = stages.order(stage) < stages.order(resumeStage) ? stage : stageBefore(resumeStage);
                lastDay = resumeDay;
            }
        }
        positions.setPausedDays(r.id(), paused, at);
        positions.update(r.id(), null, stage, lastDay, r.segment(), null, null, r.reachedDays(), at);
        runtime.createMessageCorrelation(CollectionProcess.MESSAGE_AGREEMENT_BROKEN)
                .processInstanceBusinessKey(r.externalId())
                .correlateAllWithResult();
    }

    /** The days a pause from {@code from} to {@code to} adds to those the case already spent paused. */
    private static int pausedDays(Receivable r, LocalDate from, LocalDate to) {
        return r.pausedDays() + (int) Math.max(0, ChronoUnit.DAYS.between(from, to));
    }

    /** The stage just before {@code key} in the schedule, or {@code REGISTERED} when it is the first. */
    private String stageBefore(String key) {
        String before = StageKeys.REGISTERED;
        for (var s : stages.stages()) {
            if (s.key().equals(key)) {
                return before;
            }
            before = s.key();
        }
        return before;
    }

    /**
     * The case's process instance was deleted in the engine (Cockpit, {@code /engine-rest}, the Java
     * API), not ended by its BPMN: left alone, the receivable would stay open with a next step that
     * never comes. It is cancelled, its next step cleared, and its timeline says who deleted the
     * case and why. Runs in the deleting transaction. A receivable already settled is left as it is.
     *
     * @param by     the engine user who deleted it
     * @param reason the reason given, or null
     */
    public void deletedInEngine(String externalId, String by, String reason) {
        receivables.findByExternalId(externalId).ifPresent(found -> {
            Receivable r = receivables.lock(found.id());
            if (IN_COLLECTION.contains(r.status())) {
                cancel(r, "collection case deleted in the engine by " + by, by, reason);
            }
        });
    }

    /**
     * The agreement a receivable is in was deleted in the engine: the receivable is cancelled as if
     * its own case had been, and its case, which waits for the agreement's outcome, ends.
     */
    public void agreementDeletedInEngine(long receivableId, String agreementId, String by, String reason) {
        Receivable r = receivables.lock(receivableId);
        if (r.status() != ReceivableStatus.IN_AGREEMENT) {
            return;
        }
        cancel(r, "agreement " + agreementId + " deleted in the engine by " + by, by, reason);
        if (r.caseId() != null) {
            // Régua's own deletion, of a receivable it has just settled: deletedInEngine leaves it as it is
            runtime.deleteProcessInstanceIfExists(r.caseId(), "agreement " + agreementId + " deleted in the engine", true, false, true,
                    false);
        }
    }

    private void cancel(Receivable r, String detail, String by, String reason) {
        OffsetDateTime at = OffsetDateTime.now(clock);
        cancel(r, at);
        events.deletedInEngine(r.id(), r.stage(), detail, by, reason, at);
        log.warn("Receivable {} cancelled: {} ({})", r.externalId(), detail, reason == null ? "no reason given" : "reason: " + reason);
    }
}
