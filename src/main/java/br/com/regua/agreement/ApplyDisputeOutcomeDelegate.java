package br.com.regua.agreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import br.com.regua.cases.CollectionProcess;

/** "Apply dispute outcome": cancels or corrects the receivable, or lets collection go on. */
@Component
public class ApplyDisputeOutcomeDelegate implements JavaDelegate {

    private final DisputeService disputes;

    ApplyDisputeOutcomeDelegate(DisputeService disputes) {
        this.disputes = disputes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String disputeId = (String) execution.getVariable(CollectionProcess.VAR_DISPUTE_ID);
        DisputeOutcome outcome = DisputeOutcome.valueOf((String) execution.getVariable(CollectionProcess.VAR_DISPUTE_OUTCOME));
        execution.setVariable(CollectionProcess.VAR_COLLECTION_GOES_ON, disputes.apply(disputeId, outcome));
    }
}
