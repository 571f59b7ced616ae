package br.com.regua.agreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Break the agreement": the grace of an installment ended unpaid. */
@Component
public class BreakAgreementDelegate implements JavaDelegate {

    private final AgreementService agreements;

    BreakAgreementDelegate(AgreementService agreements) {
        this.agreements = agreements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        agreements.breakAgreement(AgreementVariables.agreementId(execution));
    }
}
