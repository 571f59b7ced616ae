package br.com.regua.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of fact announced to backends, each with the name a backend sees in the event's
 * {@code type}. The list grows as features learn to act (service suspension, bureau, agency):
 * a new kind is one constant here and one {@code publish} where its fact is recorded.
 */
public enum EventType {
    RECEIVABLE_REGISTERED("receivable.registered"),
    STAGE_REACHED("stage.reached"),
    RECEIVABLE_PAID("receivable.paid"),
    AGREEMENT_CREATED("agreement.created"),
    AGREEMENT_KEPT("agreement.kept"),
    AGREEMENT_BROKEN("agreement.broken"),
    PROMISE_CREATED("promise.created"),
    PROMISE_KEPT("promise.kept"),
    PROMISE_BROKEN("promise.broken"),
    DISPUTE_OPENED("dispute.opened"),
    DISPUTE_RESOLVED("dispute.resolved"),
    SERVICE_SUSPEND("service.suspend"),
    SERVICE_RESTORE("service.restore"),
    BUREAU_LISTING_REQUESTED("bureau.listing.requested"),
    BUREAU_LISTING_REFUSED("bureau.listing.refused"),
    BUREAU_LISTING_CONFIRMED("bureau.listing.confirmed"),
    BUREAU_REMOVAL_REQUESTED("bureau.removal.requested"),
    BUREAU_LISTING_REMOVED("bureau.listing.removed"),
    AGENCY_PLACED("agency.placed"),
    AGENCY_RECALLED("agency.recalled");

    private final String key;

    EventType(String key) {
        this.key = key;
    }

    /** The name backends see, e.g. {@code stage.reached}. */
    public String key() {
        return key;
    }

    public static Optional<EventType> ofKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }
}
