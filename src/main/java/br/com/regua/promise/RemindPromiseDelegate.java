package br.com.regua.promise;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Remind the debtor of the promise": the day before the promised date, unless it is kept or closed. */
@Component
public class RemindPromiseDelegate implements JavaDelegate {

    private final PromiseService promises;

    RemindPromiseDelegate(PromiseService promises) {
        this.promises = promises;
    }

    @Override
    public void execute(DelegateExecution execution) {
        promises.remind((String) execution.getVariable(PromiseProcess.VAR_PROMISE_ID));
    }
}
