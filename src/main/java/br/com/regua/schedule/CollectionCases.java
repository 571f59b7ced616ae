package br.com.regua.schedule;

import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Starts and signals collection cases; the business key is the receivable's external id. */
@Component
public class CollectionCases {

    private final RuntimeService runtime;
    private final ProcessEngineConfigurationImpl engine;

    public CollectionCases(RuntimeService runtime, ProcessEngineConfigurationImpl engine) {
        this.runtime = runtime;
        this.engine = engine;
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
}
