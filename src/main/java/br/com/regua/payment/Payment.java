package br.com.regua.payment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A recorded payment and how it was applied: interest, then late fee, then principal.
 * {@code punctualityDiscount} is what the policy's punctuality discount took off the principal so
 * that this payment, made by the due date, settled the receivable (zero for any other payment).
 * {@code agency}: the external collection agency that collected it, with the commission it keeps
 * (the policy's rate for the debt's days overdue that day, times the amount); null for any other payment.
 */
public record Payment(
        String externalId,
        String receivableExternalId,
        BigDecimal amount,
        PaymentMethod method,
        OffsetDateTime paidAt,
        BigDecimal appliedInterest,
        BigDecimal appliedFine,
        BigDecimal appliedPrincipal,
        BigDecimal excess,
        BigDecimal punctualityDiscount,
        @JsonIgnore String contentHash,
        String agency,
        BigDecimal agencyCommissionRate,
        BigDecimal agencyCommission) {

    /** A payment no collection agency collected. */
    public Payment(String externalId, String receivableExternalId, BigDecimal amount, PaymentMethod method, OffsetDateTime paidAt,
                   BigDecimal appliedInterest, BigDecimal appliedFine, BigDecimal appliedPrincipal, BigDecimal excess,
                   BigDecimal punctualityDiscount, String contentHash) {
        this(externalId, receivableExternalId, amount, method, paidAt, appliedInterest, appliedFine, appliedPrincipal, excess,
                punctualityDiscount, contentHash, null, null, null);
    }
}
