package br.com.regua.agreement;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A dispute as the API shows it; {@code status} is OPEN until resolved, then the outcome.
 * {@code receipt} describes the receipt the debtor attached (null: none); its file is at
 * {@code GET /api/disputes/{id}/receipt}.
 */
public record DisputeView(String id, String receivableExternalId, String reason, String status, BigDecimal correctedAmount,
                          String resolutionNote, OffsetDateTime openedAt, OffsetDateTime resolvedAt, ReceiptView receipt) {

    /** What the receipt is, without its bytes. */
    public record ReceiptView(String contentType, int size, String sha256, OffsetDateTime receivedAt) {
    }
}
