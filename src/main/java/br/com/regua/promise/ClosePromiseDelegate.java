package br.com.regua.promise;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Keep or break the promise": its tolerance is over. */
@Component
public class ClosePromiseDelegate implements JavaDelegate {

    private final PromiseService promises;

    ClosePromiseDelegate(PromiseService promises) {
        this.promises = promises;
    }

    @Override
    public void execute(DelegateExecution execution) {
        promises.close((String) execution.getVariable(PromiseProcess.VAR_PROMISE_ID));
    }
}
