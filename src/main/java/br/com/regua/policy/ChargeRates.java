package br.com.regua.policy;

import java.math.BigDecimal;

/**
 * Derived fact: late charges. {@code fineRate} is the one-off late fee (multa) as a fraction of the
 * overdue principal (0.02 = 2%); {@code monthlyInterestRate} the default interest (juros de mora),
 * simple and pro rata die over months of {@code daysPerMonth} days (the commercial month: 30).
 */
public final class ChargeRates {
    private BigDecimal fineRate;
    private BigDecimal monthlyInterestRate;
    private int daysPerMonth;

    /**
     * For policy versions stored before the month's length was the rules' to say: they meant the
     * commercial month of 30 days, and a stored version must keep compiling after an upgrade.
     */
    @Deprecated
    public ChargeRates(BigDecimal fineRate, BigDecimal monthlyInterestRate) {
        this(fineRate, monthlyInterestRate, 30);
    }

    public ChargeRates(BigDecimal fineRate, BigDecimal monthlyInterestRate, int daysPerMonth) {
        if (daysPerMonth < 28 || daysPerMonth > 31) {
            // a month of any other length is a typo in a rule, and 0 would divide interest by nothing
            throw new IllegalArgumentException("a month has 28 to 31 days, not " + daysPerMonth);
        }
        this.fineRate = fineRate;
        this.monthlyInterestRate = monthlyInterestRate;
        this.daysPerMonth = daysPerMonth;
    }

    public BigDecimal getFineRate() { return fineRate; }
    public void setFineRate(BigDecimal fineRate) { this.fineRate = fineRate; }
    public BigDecimal getMonthlyInterestRate() { return monthlyInterestRate; }
    public void setMonthlyInterestRate(BigDecimal r) { this.monthlyInterestRate = r; }
    public int getDaysPerMonth() { return daysPerMonth; }

    @Override
    public String toString() { return "ChargeRates(fine=" + fineRate + ", interest/month=" + monthlyInterestRate + ", days/month=" + daysPerMonth + ")"; }
}
