package br.com.regua.agreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Close the agreement as kept": every installment is paid. */
@Component
public class KeepAgreementDelegate implements JavaDelegate {

    private final AgreementService agreements;

    KeepAgreementDelegate(AgreementService agreements) {
        this.agreements = agreements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        agreements.keep(AgreementVariables.agreementId(execution));
    }
}
