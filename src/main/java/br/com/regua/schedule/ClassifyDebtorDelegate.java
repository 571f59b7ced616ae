package br.com.regua.schedule;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import br.com.regua.cases.CollectionStages;

/** "Classify debtor": segment, grace and the first step, all from the rules. */
@Component
public class ClassifyDebtorDelegate implements JavaDelegate {

    private final ScheduleService schedule;
    private final CollectionStages stages;

    public ClassifyDebtorDelegate(ScheduleService schedule, CollectionStages stages) {
        this.schedule = schedule;
        this.stages = stages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StepVariables.write(execution, schedule.classify(StepVariables.receivableId(execution), execution.getProcessDefinitionId(),
                execution.getProcessInstanceId()), stages);
    }
}
