package br.com.regua.policy;

import java.math.BigDecimal;

/** Table row fact ({@code compliance.drl.csv}): the law's highest late fee for a customer type, as a fraction. */
public final class LateFeeCap {
    private final CustomerType customerType;
    private BigDecimal highest;

    public LateFeeCap(CustomerType customerType) { this.customerType = customerType; }

    public CustomerType getCustomerType() { return customerType; }
    public BigDecimal getHighest() { return highest; }
    public void setHighest(BigDecimal highest) { this.highest = highest; }

    @Override
    public String toString() { return "LateFeeCap(" + customerType + " " + highest + ")"; }
}
