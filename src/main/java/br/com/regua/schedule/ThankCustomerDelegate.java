package br.com.regua.schedule;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Thank the customer" once the balance is paid. */
@Component
public class ThankCustomerDelegate implements JavaDelegate {

    private final ScheduleService schedule;

    public ThankCustomerDelegate(ScheduleService schedule) {
        this.schedule = schedule;
    }

    @Override
    public void execute(DelegateExecution execution) {
        schedule.thank(StepVariables.receivableId(execution));
    }
}
