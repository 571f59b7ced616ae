package br.com.regua.policy;

import java.math.BigDecimal;

/**
 * Table row fact ({@code installments.drl.csv}): the most installments an agreement may have for
 * this debtor, and the smallest first installment as a fraction of the agreement (0.30 = 30%).
 */
public final class InstallmentLimit {
    private final int maxInstallments;
    private BigDecimal minDownPayment = BigDecimal.ZERO;

    public InstallmentLimit(int maxInstallments) { this.maxInstallments = maxInstallments; }

    public int getMaxInstallments() { return maxInstallments; }
    public BigDecimal getMinDownPayment() { return minDownPayment; }
    public void setMinDownPayment(BigDecimal v) { this.minDownPayment = v; }

    @Override
    public String toString() { return "InstallmentLimit(" + maxInstallments + ", down " + minDownPayment + ")"; }
}
