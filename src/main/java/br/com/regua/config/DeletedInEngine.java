package br.com.regua.config;

import java.util.List;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import br.com.regua.agreement.AgreementProcess;
import br.com.regua.agreement.AgreementService;
import br.com.regua.cases.CollectionCases;
import br.com.regua.cases.CollectionProcess;
import br.com.regua.promise.PromiseProcess;
import br.com.regua.promise.PromiseService;

/**
 * Notices a collection case, an agreement or a promise to pay whose process instance ends without reaching an end
 * event of its BPMN: deleted by a person (Cockpit, {@code /engine-rest}, the Java API), or
 * cancelled whole by a modification. Régua's processes always end at an end event, so such an end
 * is never Régua's own doing; the receivables are then cancelled (a promise is closed), in the same transaction.
 *
 * <p>Why a history event handler: the engine records the end of every process instance, with its
 * state and delete reason, through built-in listeners that run even when a deletion skips custom
 * listeners ({@code skipCustomListeners=true}); a listener in the BPMN would be skipped. The
 * default handler that writes history keeps running beside this one.
 */
@Component
public class DeletedInEngine extends AbstractProcessEnginePlugin {

    /** Who deleted an instance when no engine user was logged in (the REST API without authentication, a batch). */
    static final String NO_USER = "engine";

    // looked up when an instance ends: both need the engine this plugin helps to build
    private final ObjectProvider<CollectionCases> cases;
    private final ObjectProvider<AgreementService> agreements;
    private final ObjectProvider<PromiseService> promises;

    public DeletedInEngine(ObjectProvider<CollectionCases> cases, ObjectProvider<AgreementService> agreements,
                           ObjectProvider<PromiseService> promises) {
        this.cases = cases;
        this.agreements = agreements;
        this.promises = promises;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // not a bean itself: the starter would also register a HistoryEventHandler bean, and takes only one
        configuration.getCustomHistoryEventHandlers().add(new EndsHandler());
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!configuration.getHistoryLevel().isHistoryEventProduced(HistoryEventTypes.PROCESS_INSTANCE_END, null)) {
            throw new IllegalStateException("history level " + configuration.getHistoryLevel().getName() + " does not record the end of "
                    + "process instances: a case deleted in Cockpit would leave its receivable open. Use audit (the default) or higher.");
        }
    }

    /** Acts on the end of a process instance that did not reach an end event of its BPMN. */
    private void handleEvent(HistoryEvent event) {
        if (!(event instanceof HistoricProcessInstanceEventEntity instance) || !event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)
                || HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState()) || instance.getBusinessKey() == null) {
            return;
        }
        String key = instance.getProcessDefinitionKey();
        if (CollectionProcess.KEY.equals(key)) {
            cases.getObject().deletedInEngine(instance.getBusinessKey(), currentUser(), instance.getDeleteReason());
        } else if (AgreementProcess.KEY.equals(key)) {
            agreements.getObject().deletedInEngine(instance.getBusinessKey(), currentUser(), instance.getDeleteReason());
        } else if (PromiseProcess.KEY.equals(key)) {
            promises.getObject().deletedInEngine(instance.getBusinessKey(), currentUser(), instance.getDeleteReason());
        }
    }

    /** The engine user of the deleting command (Cockpit's login, the REST API's authenticated user). */
    private static String currentUser() {
        CommandContext command = Context.getCommandContext();
        String user = command == null ? null : command.getAuthenticatedUserId();
        return user == null ? NO_USER : user;
    }

    /** Sees every history event the engine produces, beside the handler that writes them. */
    private final class EndsHandler implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            DeletedInEngine.this.handleEvent(event);
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
