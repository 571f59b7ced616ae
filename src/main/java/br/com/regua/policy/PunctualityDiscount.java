package br.com.regua.policy;

import java.math.BigDecimal;

/**
 * Derived fact: the discount on the principal a receivable paid in full by its due date earns
 * (0.05 = 5%). A policy that sets none (a version stored before it existed) grants none.
 */
public final class PunctualityDiscount {
    private BigDecimal rate = BigDecimal.ZERO;

    public PunctualityDiscount() {
    }

    public PunctualityDiscount(BigDecimal rate) {
        this.rate = rate;
    }

    public BigDecimal getRate() { return rate; }
    public void setRate(BigDecimal v) { this.rate = v; }

    @Override
    public String toString() {
        return "PunctualityDiscount(rate=" + rate + ")";
    }
}
