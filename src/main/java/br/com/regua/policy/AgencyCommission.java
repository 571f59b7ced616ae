package br.com.regua.policy;

import java.math.BigDecimal;

/**
 * Derived fact ({@code agency-commission.drl.csv}): the part of what an external collection agency
 * recovers that it keeps as its commission (0.15 = 15%), by the debt's days overdue on the day it was paid.
 */
public final class AgencyCommission {
    private final BigDecimal rate;

    public AgencyCommission(BigDecimal rate) {
        this.rate = rate;
    }

    public BigDecimal getRate() { return rate; }

    @Override
    public String toString() { return "AgencyCommission(" + rate + ")"; }
}
