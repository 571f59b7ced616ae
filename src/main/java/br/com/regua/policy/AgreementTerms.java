package br.com.regua.policy;

import java.math.BigDecimal;

/**
 * Table row fact ({@code installments.drl.csv}): the terms every offer and agreement share — how
 * long an offer stands, the smallest installment, when installments fall due, the interest of long
 * plans, how an agreement is followed, and how long a broken agreement counts as recent.
 */
public final class AgreementTerms {
    private int offerValidDays;
    private BigDecimal minInstallment = BigDecimal.ZERO;
    private int firstInstallmentDays;
    private int monthsBetweenInstallments = 1;
    private int interestFreeInstallments;
    private BigDecimal installmentMonthlyInterest = BigDecimal.ZERO;
    private int reminderDaysBefore;
    private int installmentGraceDays;
    private String resumeStage;
    private int brokenRecentlyDays;

    public int getOfferValidDays() { return offerValidDays; }
    public void setOfferValidDays(int v) { this.offerValidDays = v; }
    public BigDecimal getMinInstallment() { return minInstallment; }
    public void setMinInstallment(BigDecimal v) { this.minInstallment = v; }
    public int getFirstInstallmentDays() { return firstInstallmentDays; }
    public void setFirstInstallmentDays(int v) { this.firstInstallmentDays = v; }
    public int getMonthsBetweenInstallments() { return monthsBetweenInstallments; }
    public void setMonthsBetweenInstallments(int v) { this.monthsBetweenInstallments = v; }
    public int getInterestFreeInstallments() { return interestFreeInstallments; }
    public void setInterestFreeInstallments(int v) { this.interestFreeInstallments = v; }
    public BigDecimal getInstallmentMonthlyInterest() { return installmentMonthlyInterest; }
    public void setInstallmentMonthlyInterest(BigDecimal v) { this.installmentMonthlyInterest = v; }
    public int getReminderDaysBefore() { return reminderDaysBefore; }
    public void setReminderDaysBefore(int v) { this.reminderDaysBefore = v; }
    public int getInstallmentGraceDays() { return installmentGraceDays; }
    public void setInstallmentGraceDays(int v) { this.installmentGraceDays = v; }
    public String getResumeStage() { return resumeStage; }
    public void setResumeStage(String v) { this.resumeStage = v; }
    /** A customer who broke an agreement at most this many days ago broke it recently. */
    public int getBrokenRecentlyDays() { return brokenRecentlyDays; }
    public void setBrokenRecentlyDays(int v) { this.brokenRecentlyDays = v; }

    @Override
    public String toString() {
        return "AgreementTerms(valid=" + offerValidDays + ", minInstallment=" + minInstallment + ", first=" + firstInstallmentDays
                + ", every " + monthsBetweenInstallments + " months, interest " + installmentMonthlyInterest + " beyond "
                + interestFreeInstallments + ", reminder " + reminderDaysBefore + ", grace " + installmentGraceDays
                + ", resume " + resumeStage + ", recent " + brokenRecentlyDays + ")";
    }
}
