package br.com.regua.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A receivable as the backend registers it. {@code externalId} is the idempotency key. */
public record NewReceivable(
        @NotBlank @Size(max = 100) String externalId,
        @NotNull @Valid NewCustomer customer,
        @NotNull @Positive @Digits(integer = 13, fraction = 2, message = "must be an amount in reais with at most 2 decimals") BigDecimal amount,
        @NotNull LocalDate issueDate,
        @NotNull LocalDate dueDate,
        @Size(max = 500) String description) {
}
