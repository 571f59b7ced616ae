package br.com.regua.payment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A payment was applied to a receivable, published in the transaction that recorded it, so a
 * feature that waits for money (a promise to pay) hears of it without the payment feature knowing it.
 *
 * @param receivableId the receivable's internal id
 * @param settled      whether the payment left nothing owed
 */
public record PaymentRecorded(long receivableId, String externalId, BigDecimal amount, OffsetDateTime paidAt, boolean settled) {
}
