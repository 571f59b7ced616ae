package br.com.regua.policy;

import java.math.BigDecimal;

/**
 * Derived fact: what the renegotiation offer may give this debtor and how an agreement is followed.
 * Fractions are fractions (0.10 = 10%).
 * <ul>
 * <li>{@code principalDiscount}: the largest discount on the principal for paying at once;
 * {@code waiveCharges}: fine and interest dropped; {@code validDays}: how long the offer stands.</li>
 * <li>{@code renegotiationAllowed}: false when no agreement may be offered at all;
 * {@code maxInstallments} and {@code minInstallment} bound an installment plan;
 * {@code installmentDiscount} the discount on the principal an installment plan keeps;
 * {@code minDownPayment} the smallest first installment as a fraction of the agreement;
 * {@code installmentMonthlyInterest} the interest a plan of more than {@code interestFreeInstallments}
 * installments carries (Price table);
 * {@code firstInstallmentDays} days from the offer to the first installment, the others monthly.</li>
 * <li>{@code reminderDaysBefore}: the reminder before each installment; {@code installmentGraceDays}:
 * days after a missed installment before the agreement is broken; {@code resumeStage}: where
 * collection picks up after a broken agreement (null: where it left off).</li>
 * </ul>
 */
public final class OfferTerms {
    private BigDecimal principalDiscount = BigDecimal.ZERO;
    private boolean waiveCharges;
    private int maxInstallments = 1;
    private BigDecimal minInstallment = BigDecimal.ZERO;
    private int validDays;
    private boolean renegotiationAllowed = true;
    private BigDecimal installmentDiscount = BigDecimal.ZERO;
    private BigDecimal minDownPayment = BigDecimal.ZERO;
    private BigDecimal installmentMonthlyInterest = BigDecimal.ZERO;
    private int interestFreeInstallments;
    private int firstInstallmentDays;
    private int monthsBetweenInstallments = 1;
    private int reminderDaysBefore;
    private int installmentGraceDays;
    private String resumeStage;

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
    public boolean isRenegotiationAllowed() { return renegotiationAllowed; }
    public void setRenegotiationAllowed(boolean v) { this.renegotiationAllowed = v; }
    public BigDecimal getInstallmentDiscount() { return installmentDiscount; }
    public void setInstallmentDiscount(BigDecimal v) { this.installmentDiscount = v; }
    public BigDecimal getMinDownPayment() { return minDownPayment; }
    public void setMinDownPayment(BigDecimal v) { this.minDownPayment = v; }
    public BigDecimal getInstallmentMonthlyInterest() { return installmentMonthlyInterest; }
    public void setInstallmentMonthlyInterest(BigDecimal v) { this.installmentMonthlyInterest = v; }
    public int getInterestFreeInstallments() { return interestFreeInstallments; }
    public void setInterestFreeInstallments(int v) { this.interestFreeInstallments = v; }
    public int getFirstInstallmentDays() { return firstInstallmentDays; }
    public void setFirstInstallmentDays(int v) { this.firstInstallmentDays = v; }
    /** Months from one installment to the next (1: monthly), the policy's; interest is compounded over them. */
    public int getMonthsBetweenInstallments() { return monthsBetweenInstallments; }
    public void setMonthsBetweenInstallments(int v) { this.monthsBetweenInstallments = v; }
    public int getReminderDaysBefore() { return reminderDaysBefore; }
    public void setReminderDaysBefore(int v) { this.reminderDaysBefore = v; }
    public int getInstallmentGraceDays() { return installmentGraceDays; }
    public void setInstallmentGraceDays(int v) { this.installmentGraceDays = v; }
    public String getResumeStage() { return resumeStage; }
    public void setResumeStage(String v) { this.resumeStage = v; }

    @Override
    public String toString() {
        return "OfferTerms(allowed=" + renegotiationAllowed + ", discount=" + principalDiscount + ", waiveCharges=" + waiveCharges
                + ", maxInstallments=" + maxInstallments + ", minInstallment=" + minInstallment
                + ", installmentDiscount=" + installmentDiscount + ", minDownPayment=" + minDownPayment
                + ", interest/month=" + installmentMonthlyInterest + " beyond " + interestFreeInstallments + ", firstInstallmentDays=" + firstInstallmentDays
                + ", validDays=" + validDays + ", reminderDaysBefore=" + reminderDaysBefore
                + ", graceDays=" + installmentGraceDays + ", resumeStage=" + resumeStage + ")";
    }
}
