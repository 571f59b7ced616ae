package br.com.regua.agreement;

import org.springframework.stereotype.Component;

import br.com.regua.contact.InstallmentStanding;

/** Tells the delivery worker whether an installment reminder still has something to remind of. */
@Component
class AgreementInstallmentStanding implements InstallmentStanding {

    private final AgreementRepository agreements;

    AgreementInstallmentStanding(AgreementRepository agreements) {
        this.agreements = agreements;
    }

    @Override
    public boolean awaited(String agreementId, int number) {
        boolean active = agreements.find(agreementId).map(a -> a.status() == AgreementStatus.ACTIVE).orElse(false);
        return active && agreements.installments(agreementId).stream().anyMatch(i -> i.number() == number && !i.paid());
    }
}
