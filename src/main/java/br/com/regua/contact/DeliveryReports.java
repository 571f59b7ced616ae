package br.com.regua.contact;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import br.com.regua.errors.ConflictException;
import br.com.regua.errors.InvalidInputException;
import br.com.regua.errors.NotFoundException;


/**
 * A provider's delivery report (its webhook): a sent message was DELIVERED, or bounced (FAILED).
 * A bounce is handled like a send that failed for good: fallback channel and an incident.
 */
@Service
public class DeliveryReports {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReports.class);

    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final DebtorReach reach;
    private final DeliveryFailures failures;
    private final Clock clock;

    private final Letters letters;

    DeliveryReports(Outbox outbox, JdbcClient jdbc, DebtorReach reach, DeliveryFailures failures, Letters letters, Clock clock) {
        this.outbox = outbox;
        this.letters = letters;
        this.jdbc = jdbc;
        this.reach = reach;
        this.failures = failures;
        this.clock = clock;
    }

    /** Records the report; the same report twice changes nothing more. Returns the contact's status after it. */
    public ContactStatus report(long contactId, ContactStatus status, String reason) {
        return report(contactId, status, reason, null, null);
    }

    /**
     * As above, with what the post says of a letter: its tracking code, and when the debtor signed the
     * return receipt (AR), which is then the moment of delivery (the one a notice's waiting period
     * counts from). {@code receivedAt} in the future is refused.
     */
    public ContactStatus report(long contactId, ContactStatus status, String reason, String trackingCode, OffsetDateTime receivedAt) {
        if (receivedAt != null && receivedAt.isAfter(OffsetDateTime.now(clock))) {
            throw new InvalidInputException("receivedAt", "must not be in the future");
        }

        if (status != ContactStatus.DELIVERED && status != ContactStatus.FAILED) {
            throw new IllegalArgumentException("a provider reports DELIVERED or FAILED");
        }
        ContactStatus before = outbox.status(contactId)
                .orElseThrow(() -> new NotFoundException("no contact with id " + contactId));
        if (before == status) {
            return status;
        }
        if (receivedAt != null && sentAt(contactId).filter(receivedAt::isBefore).isPresent()) {
            throw new InvalidInputException("receivedAt", "must not be before the message was sent");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime deliveredAt = receivedAt != null ? receivedAt : now;
        String failure = status == ContactStatus.FAILED ? reasonOrDefault(reason) : null;
        if (outbox.providerReport(contactId, status, failure, deliveredAt, now) == 0) {
            ContactStatus after = outbox.status(contactId).orElse(before);
            if (after == status) {
                return status; // the same report, arriving twice at once: the other one acted
            }
            throw new ConflictException("status", "contact " + contactId + " has not been sent yet (it is " + after + ")");
        }
        if (trackingCode != null || receivedAt != null) {
            letters.received(contactId, trackingCode, status == ContactStatus.DELIVERED ? receivedAt : null);
        }
        log.info("Contact {} reported {} by its provider", contactId, status);
        if (status == ContactStatus.FAILED) {
            sentContact(contactId).ifPresent(c -> failures.gaveUp(c, "the provider reported it undelivered: " + reasonOrDefault(reason),
                    reach.of(c.receivableId(), ZonedDateTime.now(clock)), now));
        }
        return status;
    }

    private Optional<OffsetDateTime> sentAt(long contactId) {
        return jdbc.sql("select sent_at from contact where id = ?").param(contactId).query(OffsetDateTime.class).optional()
                .filter(Objects::nonNull);
    }

    private static String reasonOrDefault(String reason) {
        return reason == null || reason.isBlank() ? "no reason given" : reason;
    }

    private Optional<OutgoingContact> sentContact(long id) {
        return jdbc.sql("select * from contact where id = ?").param(id)
                .query((rs, n) -> OutgoingContact.of(rs, null))
                .optional();
    }
}
