package br.com.regua.agreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Remind the debtor of the installment", unless it was paid meanwhile. */
@Component
public class RemindInstallmentDelegate implements JavaDelegate {

    private final AgreementService agreements;

    RemindInstallmentDelegate(AgreementService agreements) {
        this.agreements = agreements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        agreements.remind(AgreementVariables.agreementId(execution), AgreementVariables.installment(execution));
    }
}
