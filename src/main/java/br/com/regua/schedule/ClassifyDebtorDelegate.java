package br.com.regua.schedule;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Classify debtor": segment, grace and the first step, all from the rules. */
@Component
public class ClassifyDebtorDelegate implements JavaDelegate {

    private final ScheduleService schedule;

    public ClassifyDebtorDelegate(ScheduleService schedule) {
        this.schedule = schedule;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StepVariables.write(execution, schedule.classify(StepVariables.receivableId(execution)));
    }
}
