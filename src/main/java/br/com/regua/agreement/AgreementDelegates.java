package br.com.regua.agreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The thin delegates of {@code processes/agreement.bpmn}: each reads the agreement id and calls {@link AgreementService}. */
final class AgreementDelegates {

    private AgreementDelegates() {
    }

    static String agreementId(DelegateExecution execution) {
        return (String) execution.getVariable(AgreementProcess.VAR_AGREEMENT_ID);
    }

    /** "Plan next installment": the first unpaid installment and its dates, or all paid. */
    @Component("planNextInstallmentDelegate")
    static class PlanNextInstallment implements JavaDelegate {
        private final AgreementService agreements;

        PlanNextInstallment(AgreementService agreements) {
            this.agreements = agreements;
        }

        @Override
        public void execute(DelegateExecution execution) {
            AgreementService.NextInstallment next = agreements.next(agreementId(execution));
            execution.setVariable(AgreementProcess.VAR_ALL_PAID, next.allPaid());
            execution.setVariable(AgreementProcess.VAR_INSTALLMENT, next.number());
            execution.setVariable(AgreementProcess.VAR_REMINDER_AT, next.reminderAt());
            execution.setVariable(AgreementProcess.VAR_GRACE_ENDS_AT, next.graceEndsAt());
        }
    }

    /** "Remind the debtor of the installment". */
    @Component("remindInstallmentDelegate")
    static class RemindInstallment implements JavaDelegate {
        private final AgreementService agreements;

        RemindInstallment(AgreementService agreements) {
            this.agreements = agreements;
        }

        @Override
        public void execute(DelegateExecution execution) {
            agreements.remind(agreementId(execution), ((Number) execution.getVariable(AgreementProcess.VAR_INSTALLMENT)).intValue());
        }
    }

    /** "Break the agreement". */
    @Component("breakAgreementDelegate")
    static class BreakAgreement implements JavaDelegate {
        private final AgreementService agreements;

        BreakAgreement(AgreementService agreements) {
            this.agreements = agreements;
        }

        @Override
        public void execute(DelegateExecution execution) {
            agreements.breakAgreement(agreementId(execution));
        }
    }

    /** "Close the agreement as kept". */
    @Component("keepAgreementDelegate")
    static class KeepAgreement implements JavaDelegate {
        private final AgreementService agreements;

        KeepAgreement(AgreementService agreements) {
            this.agreements = agreements;
        }

        @Override
        public void execute(DelegateExecution execution) {
            agreements.keep(agreementId(execution));
        }
    }
}
