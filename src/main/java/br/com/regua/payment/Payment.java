package br.com.regua.payment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A recorded payment and how it was applied: interest, then late fee, then principal.
 * {@code punctualityDiscount} is what the policy's punctuality discount took off the principal so
 * that this payment, made by the due date, settled the receivable (zero for any other payment).
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
        @JsonIgnore String contentHash) {
}
