package br.com.regua.schedule;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import br.com.regua.policy.Stage;

/** Every stage task: carries out the stage named by the task's {@code stage} input and plans the next. */
@Component
public class ExecuteStepDelegate implements JavaDelegate {

    private final ScheduleService schedule;
    private final StepMetrics metrics;

    ExecuteStepDelegate(ScheduleService schedule, StepMetrics metrics) {
        this.schedule = schedule;
        this.metrics = metrics;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Stage stage = Stage.valueOf((String) execution.getVariableLocal(CollectionProcess.VAR_STAGE));
        StepVariables.write(execution, metrics.timed(stage.name(), () -> schedule.executeStep(StepVariables.receivableId(execution), stage)));
    }
}
