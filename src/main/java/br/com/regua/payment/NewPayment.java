package br.com.regua.payment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import br.com.regua.receivable.ExternalId;
import br.com.regua.receivable.MoneyDeserializer;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A payment as the backend reports it. {@code externalId} is the idempotency key. It pays either
 * a receivable ({@code receivableExternalId}) or one installment of an agreement
 * ({@code agreementId} and {@code installment}). {@code agency}, when given, names the external
 * collection agency that collected it (one the receivable is placed with): its commission is recorded.
 */
public record NewPayment(
        @NotNull @Pattern(regexp = ExternalId.GRAMMAR, message = ExternalId.RULE) String externalId,
        @Pattern(regexp = ExternalId.GRAMMAR, message = ExternalId.RULE) String receivableExternalId,
        @NotNull @Positive @Digits(integer = 13, fraction = 2, message = "must be an amount in reais with at most 2 decimals")
        @JsonDeserialize(using = MoneyDeserializer.class) BigDecimal amount,
        @NotNull PaymentMethod method,
        @NotNull OffsetDateTime paidAt,
        @Size(max = 36) String agreementId,
        @Positive Integer installment,
        @Size(max = 100) String agency) {

    public NewPayment(String externalId, String receivableExternalId, BigDecimal amount, PaymentMethod method, OffsetDateTime paidAt) {
        this(externalId, receivableExternalId, amount, method, paidAt, null, null, null);
    }

    public NewPayment(String externalId, String receivableExternalId, BigDecimal amount, PaymentMethod method, OffsetDateTime paidAt,
                      String agreementId, Integer installment) {
        this(externalId, receivableExternalId, amount, method, paidAt, agreementId, installment, null);
    }

    /** True when this pays an agreement's installment rather than a receivable. */
    public boolean paysAnInstallment() {
        return agreementId != null;
    }
}
