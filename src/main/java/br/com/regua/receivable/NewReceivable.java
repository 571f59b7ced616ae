package br.com.regua.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A receivable as the backend registers it. {@code externalId} is the idempotency key;
 * {@code boletoLine}, optional, is the typeable line of a boleto the backend issued for it, which
 * messages then offer as a way to pay.
 */
public record NewReceivable(
        @NotNull @Pattern(regexp = ExternalId.GRAMMAR, message = ExternalId.RULE) String externalId,
        @NotNull @Valid NewCustomer customer,
        @NotNull @Positive @Digits(integer = 13, fraction = 2, message = "must be an amount in reais with at most 2 decimals")
        @JsonDeserialize(using = MoneyDeserializer.class) BigDecimal amount,
        @NotNull LocalDate issueDate,
        @NotNull LocalDate dueDate,
        @Size(max = 500) String description,
        @Pattern(regexp = "(?=(?:[^0-9]*[0-9]){47,48}[^0-9]*$)[0-9 .]{47,60}",
                message = "must be a boleto's typeable line: 47 or 48 digits, spaces and dots allowed") String boletoLine) {

    /** A receivable with no boleto. */
    public NewReceivable(String externalId, NewCustomer customer, BigDecimal amount, LocalDate issueDate, LocalDate dueDate,
                         String description) {
        this(externalId, customer, amount, issueDate, dueDate, description, null);
    }
}
