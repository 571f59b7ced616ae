package br.com.regua.policy;

import java.math.BigDecimal;

/**
 * Table row fact ({@code compliance.drl.csv}): the law's highest late fee for a customer type, as a
 * fraction; by state, or for every state without a row of its own.
 */
public final class LateFeeCap extends StateRow {
    private final CustomerType customerType;
    private BigDecimal highest;

    public LateFeeCap(CustomerType customerType) { this.customerType = customerType; }

    public CustomerType getCustomerType() { return customerType; }
    public BigDecimal getHighest() { return highest; }
    public void setHighest(BigDecimal highest) { this.highest = highest; }

    @Override
    public String getTopic() { return "late fee cap of " + customerType; }

    @Override
    public String toString() { return "LateFeeCap(" + customerType + " " + highest + ")"; }
}
