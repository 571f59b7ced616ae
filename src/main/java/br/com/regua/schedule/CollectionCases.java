package br.com.regua.schedule;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.receivable.ReceivableStatus;

/**
 * Starts and signals collection cases; the business key is the receivable's external id. Keeps the
 * receivable consistent when a case is deleted in the engine instead of ending in its BPMN.
 */
@Component
public class CollectionCases {

    private static final Logger log = LoggerFactory.getLogger(CollectionCases.class);

    /** A receivable whose case is meant to be running. Régua settles a receivable (paid, written off, cancelled) before its case ends. */
    private static final Set<ReceivableStatus> IN_COLLECTION =
            EnumSet.of(ReceivableStatus.OPEN, ReceivableStatus.IN_AGREEMENT, ReceivableStatus.DISPUTED);

    private final RuntimeService runtime;
    private final ProcessEngineConfigurationImpl engine;
    private final ReceivableRepository receivables;
    private final CaseEvents events;
    private final Clock clock;

    public CollectionCases(RuntimeService runtime, ProcessEngineConfigurationImpl engine, ReceivableRepository receivables,
                           CaseEvents events, Clock clock) {
        this.runtime = runtime;
        this.engine = engine;
        this.receivables = receivables;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Runs work as one engine command in one transaction. The cases it starts reach the database
     * in one batched flush when it ends, instead of one flush and one commit per case; an exception
     * rolls all of it back.
     */
    public <T> T inOneCommand(Supplier<T> work) {
        return engine.getCommandExecutorTxRequired().execute(commandContext -> work.get());
    }

    /** Starts the case; classification runs in the caller's transaction. Returns the instance id. */
    public String start(String externalId, long receivableId) {
        return runtime.startProcessInstanceByKey(CollectionProcess.KEY, externalId,
                Map.of(CollectionProcess.VAR_RECEIVABLE_ID, receivableId)).getId();
    }

    /** Ends the case wherever it is, with a thank-you; a case that already ended is left alone. */
    public void balanceSettled(String externalId) {
        runtime.createMessageCorrelation(CollectionProcess.MESSAGE_BALANCE_SETTLED)
                .processInstanceBusinessKey(externalId)
                .correlateAllWithResult();
    }

    /** The schedule stops while an agreement runs. False when the case was not in its schedule. */
    public boolean agreementAccepted(String externalId) {
        return !runtime.createMessageCorrelation(CollectionProcess.MESSAGE_AGREEMENT_ACCEPTED)
                .processInstanceBusinessKey(externalId)
                .correlateAllWithResult().isEmpty();
    }

    /** The agreement was broken: the schedule restarts from the facts of now. */
    public void agreementBroken(String externalId) {
        runtime.createMessageCorrelation(CollectionProcess.MESSAGE_AGREEMENT_BROKEN)
                .processInstanceBusinessKey(externalId)
                .correlateAllWithResult();
    }

    /** The schedule stops and a person reviews the dispute. False when the case was not in its schedule. */
    public boolean disputeOpened(String externalId, String disputeId, String reason) {
        return !runtime.createMessageCorrelation(CollectionProcess.MESSAGE_DISPUTE_OPENED)
                .processInstanceBusinessKey(externalId)
                .setVariable(CollectionProcess.VAR_DISPUTE_ID, disputeId)
                .setVariable(CollectionProcess.VAR_DISPUTE_REASON, reason)
                .correlateAllWithResult().isEmpty();
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
        receivables.updateStatus(r.id(), ReceivableStatus.CANCELLED, at);
        receivables.updateSchedule(r.id(), r.stage(), r.lastStepDay(), r.segment(), null, null, r.reachedDays(), at);
        events.deletedInEngine(r.id(), r.stage(), detail, by, reason, at);
        log.warn("Receivable {} cancelled: {} ({})", r.externalId(), detail, reason == null ? "no reason given" : "reason: " + reason);
    }
}
