package br.com.regua.schedule;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import br.com.regua.cases.CollectionStages;

/**
 * Every stage task: carries out the stage its element declares ({@link StageDeclaration}) and plans the next.
 */
@Component
public class ExecuteStepDelegate implements JavaDelegate {

    private final ScheduleService schedule;
    private final CollectionStages stages;
    private final StepMetrics metrics;

    ExecuteStepDelegate(ScheduleService schedule, CollectionStages stages, StepMetrics metrics) {
        this.schedule = schedule;
        this.stages = stages;
        this.metrics = metrics;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var stage = stages.atElement(execution.getProcessDefinitionId(), execution.getCurrentActivityId());
        StepVariables.write(execution, metrics.timed(stage.key(), () -> schedule.executeStep(StepVariables.receivableId(execution), stage,
                execution.getProcessDefinitionId())),
                stages);
    }
}
