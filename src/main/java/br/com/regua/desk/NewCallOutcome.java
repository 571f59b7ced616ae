package br.com.regua.desk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * How a call ended, as the call form sends it. {@code amount} and {@code date}: a promise to pay;
 * {@code callBackAt}: when the debtor asked to be called again; {@code note}: what was said (for a
 * dispute, what the debtor contests).
 */
public record NewCallOutcome(String outcome, BigDecimal amount, LocalDate date, OffsetDateTime callBackAt, String note) {
}
