package br.com.regua.policy;

import java.time.OffsetDateTime;

/**
 * A version set to take effect at {@code effectiveAt}: {@code PENDING} until then (cancellable),
 * then {@code ACTIVATED}; {@code CANCELLED} by a credit manager, or {@code FAILED} when the version
 * no longer compiled as it fell due. {@code closedBy} and {@code closedAt} say who or what closed it, and when.
 */
public record PolicySchedule(long id, int versionNumber, OffsetDateTime effectiveAt, String author, String comment,
                             OffsetDateTime createdAt, Status status, String closedBy, OffsetDateTime closedAt) {

    public enum Status {
        PENDING, ACTIVATED, CANCELLED, FAILED
    }

    public boolean pending() {
        return status == Status.PENDING;
    }
}
