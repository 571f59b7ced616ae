package br.com.regua.policy;

import java.math.BigDecimal;

/**
 * Table row fact ({@code compliance.drl.csv}): the late fee and monthly interest a customer type pays, as
 * fractions; by state, or for every state without a row of its own.
 */
public final class LateChargeRate extends StateRow {
    private final CustomerType customerType;
    private BigDecimal fineRate = BigDecimal.ZERO;
    private BigDecimal monthlyInterestRate = BigDecimal.ZERO;

    public LateChargeRate(CustomerType customerType) { this.customerType = customerType; }

    public CustomerType getCustomerType() { return customerType; }
    public BigDecimal getFineRate() { return fineRate; }
    public void setFineRate(BigDecimal v) { this.fineRate = v; }
    public BigDecimal getMonthlyInterestRate() { return monthlyInterestRate; }
    public void setMonthlyInterestRate(BigDecimal v) { this.monthlyInterestRate = v; }

    @Override
    public String getTopic() { return "late charges of " + customerType; }

    @Override
    public String toString() { return "LateChargeRate(" + customerType + ", fine " + fineRate + ", interest " + monthlyInterestRate + ")"; }
}
