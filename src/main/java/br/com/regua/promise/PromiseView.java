package br.com.regua.promise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A promise to pay as the API shows it.
 *
 * @param date            the promised date
 * @param toleranceDays   days after {@code date} a payment still keeps it
 * @param toleranceAmount reais short of {@code amount} the payments may fall and still keep it
 * @param keptBy          the last day a payment keeps it ({@code date} plus the tolerance days)
 * @param paid            what was paid on the receivable from the promise on, until {@code keptBy}
 * @param madeBy          who recorded it (a collector, a backend)
 */
public record PromiseView(String id, String receivable, BigDecimal amount, LocalDate date, int toleranceDays, BigDecimal toleranceAmount,
                          LocalDate keptBy, PromiseStatus status, BigDecimal paid, String madeBy, OffsetDateTime madeAt,
                          OffsetDateTime endedAt) {
}
