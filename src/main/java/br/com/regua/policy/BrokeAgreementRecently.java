package br.com.regua.policy;

/** Derived fact: the customer broke an agreement recently, as {@code installments.drl} defines it, within the days of {@code installments.drl.csv}. */
public final class BrokeAgreementRecently {

    @Override
    public String toString() {
        return "BrokeAgreementRecently";
    }
}
