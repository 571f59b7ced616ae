package br.com.regua.agreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Plan next installment": the first unpaid installment and its dates, or all paid. */
@Component
public class PlanNextInstallmentDelegate implements JavaDelegate {

    private final AgreementService agreements;

    PlanNextInstallmentDelegate(AgreementService agreements) {
        this.agreements = agreements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AgreementService.NextInstallment next = agreements.next(AgreementVariables.agreementId(execution));
        execution.setVariable(AgreementProcess.VAR_ALL_PAID, next.allPaid());
        execution.setVariable(AgreementProcess.VAR_INSTALLMENT, next.number());
        execution.setVariable(AgreementProcess.VAR_REMINDER_AT, next.reminderAt());
        execution.setVariable(AgreementProcess.VAR_GRACE_ENDS_AT, next.graceEndsAt());
    }
}
