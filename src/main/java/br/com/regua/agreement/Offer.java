package br.com.regua.agreement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;


/**
 * One renegotiation option: pay now, an installment plan, or a prorrogação (the due date moved once,
 * the whole amount in one installment on the new date). Everything an agreement needs is in
 * it, and {@code id} is all of it signed (see {@link OfferSigner}).
 *
 * @param total         what the debtor pays in all, the sum of {@code installments} to the cent
 * @param downPayment   the first installment
 * @param installmentAmount the regular installment after the first (the last absorbs rounding)
 * @param debtDigest    the state of the receivables when the offer was made: a payment since voids it
 */
public record Offer(
        String id,
        Kind kind,
        String customerExternalId,
        List<String> receivables,
        LocalDate asOf,
        LocalDate expiresOn,
        Breakdown breakdown,
        BigDecimal total,
        int installmentCount,
        BigDecimal downPayment,
        BigDecimal installmentAmount,
        BigDecimal monthlyInterest,
        LocalDate firstDueDate,
        List<PlannedInstallment> installments,
        FollowUp followUp,
        String policyVersion,
        String debtDigest) {

    public enum Kind { PAY_NOW, INSTALLMENTS, EXTENSION }

    /**
     * What is owed and what the offer takes off: {@code total = principal + fine + interest - discount
     * - waivedCharges + installmentInterest}.
     */
    public record Breakdown(BigDecimal principal, BigDecimal fine, BigDecimal interest, BigDecimal discount,
                            BigDecimal waivedCharges, BigDecimal installmentInterest, BigDecimal total) {
    }

    public record PlannedInstallment(int number, LocalDate dueDate, BigDecimal amount) {
    }

    /** How the agreement is followed, fixed when the offer is made. */
    public record FollowUp(int reminderDaysBefore, int graceDays, String resumeStage) {
    }

    Offer withId(String newId) {
        return new Offer(newId, kind, customerExternalId, receivables, asOf, expiresOn, breakdown, total, installmentCount,
                downPayment, installmentAmount, monthlyInterest, firstDueDate, installments, followUp, policyVersion, debtDigest);
    }
}
