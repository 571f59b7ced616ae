package br.com.regua.schedule;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import br.com.regua.policy.Stage;

/** Every stage task: carries out the stage named by the task's {@code stage} input and plans the next. */
@Component
public class ExecuteStepDelegate implements JavaDelegate {

    private final ScheduleService schedule;

    public ExecuteStepDelegate(ScheduleService schedule) {
        this.schedule = schedule;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Stage stage = Stage.valueOf((String) execution.getVariableLocal(CollectionProcess.VAR_STAGE));
        StepVariables.write(execution, schedule.executeStep(StepVariables.receivableId(execution), stage));
    }
}
