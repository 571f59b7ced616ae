package br.com.regua.agreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The one typed accessor to the agreement process variables. */
final class AgreementVariables {

    private AgreementVariables() {
    }

    static String agreementId(DelegateExecution execution) {
        return (String) execution.getVariable(AgreementProcess.VAR_AGREEMENT_ID);
    }

    static int installment(DelegateExecution execution) {
        return ((Number) execution.getVariable(AgreementProcess.VAR_INSTALLMENT)).intValue();
    }
}
