package br.com.regua.policy;

import java.math.BigDecimal;

/**
 * Derived fact: what a promise to pay may be for this debtor, and how it is judged.
 * <ul>
 * <li>{@code maxPromises}: how many promises one case may have over its life (0: none at all);</li>
 * <li>{@code maxDaysAhead}: how many days after today the promised date may be;</li>
 * <li>{@code toleranceDays}: days after the promised date a payment still keeps the promise, while
 * the case holds its escalation;</li>
 * <li>{@code toleranceAmount}: how many reais short of the promised amount the payments may fall
 * and still keep it.</li>
 * </ul>
 * A policy that sets none (a version stored before promises existed) allows no promise.
 */
public final class PromiseTerms {
    private int maxPromises;
    private int maxDaysAhead;
    private int toleranceDays;
    private BigDecimal toleranceAmount = BigDecimal.ZERO;

    public int getMaxPromises() { return maxPromises; }
    public void setMaxPromises(int v) { this.maxPromises = v; }
    public int getMaxDaysAhead() { return maxDaysAhead; }
    public void setMaxDaysAhead(int v) { this.maxDaysAhead = v; }
    public int getToleranceDays() { return toleranceDays; }
    public void setToleranceDays(int v) { this.toleranceDays = v; }
    public BigDecimal getToleranceAmount() { return toleranceAmount; }
    public void setToleranceAmount(BigDecimal v) { this.toleranceAmount = v; }

    @Override
    public String toString() {
        return "PromiseTerms(maxPromises=" + maxPromises + ", maxDaysAhead=" + maxDaysAhead + ", toleranceDays=" + toleranceDays
                + ", toleranceAmount=" + toleranceAmount + ")";
    }
}
