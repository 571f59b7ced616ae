package br.com.regua.policy;

import java.math.BigDecimal;

/**
 * Derived fact: what the renegotiation offer may give this debtor. {@code principalDiscount} is a
 * fraction of the principal (0.10 = 10%) for paying at once; {@code waiveCharges} drops fine and
 * interest; {@code maxInstallments} and {@code minInstallment} bound an installment plan;
 * {@code validDays} is how long the offer stands.
 */
public final class OfferTerms {
    private BigDecimal principalDiscount = BigDecimal.ZERO;
    private boolean waiveCharges;
    private int maxInstallments = 1;
    private BigDecimal minInstallment = BigDecimal.ZERO;
    private int validDays;

    public BigDecimal getPrincipalDiscount() { return principalDiscount; }
    public void setPrincipalDiscount(BigDecimal v) { this.principalDiscount = v; }
    public boolean isWaiveCharges() { return waiveCharges; }
    public void setWaiveCharges(boolean v) { this.waiveCharges = v; }
    public int getMaxInstallments() { return maxInstallments; }
    public void setMaxInstallments(int v) { this.maxInstallments = v; }
    public BigDecimal getMinInstallment() { return minInstallment; }
    public void setMinInstallment(BigDecimal v) { this.minInstallment = v; }
    public int getValidDays() { return validDays; }
    public void setValidDays(int v) { this.validDays = v; }

    @Override
    public String toString() {
        return "OfferTerms(discount=" + principalDiscount + ", waiveCharges=" + waiveCharges
                + ", maxInstallments=" + maxInstallments + ", minInstallment=" + minInstallment
                + ", validDays=" + validDays + ")";
    }
}
