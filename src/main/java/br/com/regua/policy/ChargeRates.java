package br.com.regua.policy;

import java.math.BigDecimal;

/**
 * Derived fact: late charges. {@code fineRate} is the one-off late fee (multa) as a fraction of the
 * overdue principal (0.02 = 2%); {@code monthlyInterestRate} the default interest (juros de mora),
 * simple and pro rata die over 30-day months.
 */
public final class ChargeRates {
    private BigDecimal fineRate;
    private BigDecimal monthlyInterestRate;

    public ChargeRates(BigDecimal fineRate, BigDecimal monthlyInterestRate) {
        this.fineRate = fineRate;
        this.monthlyInterestRate = monthlyInterestRate;
    }

    public BigDecimal getFineRate() { return fineRate; }
    public void setFineRate(BigDecimal fineRate) { this.fineRate = fineRate; }
    public BigDecimal getMonthlyInterestRate() { return monthlyInterestRate; }
    public void setMonthlyInterestRate(BigDecimal r) { this.monthlyInterestRate = r; }

    @Override
    public String toString() { return "ChargeRates(fine=" + fineRate + ", interest/month=" + monthlyInterestRate + ")"; }
}
