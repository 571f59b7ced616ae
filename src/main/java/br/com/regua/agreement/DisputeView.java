package br.com.regua.agreement;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A dispute as the API shows it; {@code status} is OPEN until resolved, then the outcome. */
public record DisputeView(String id, String receivableExternalId, String reason, String status, BigDecimal correctedAmount,
                          String resolutionNote, OffsetDateTime openedAt, OffsetDateTime resolvedAt) {
}
