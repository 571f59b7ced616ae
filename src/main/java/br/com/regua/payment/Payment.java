package br.com.regua.payment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A recorded payment and how it was applied: interest, then late fee, then principal. */
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
        @JsonIgnore String contentHash) {
}
