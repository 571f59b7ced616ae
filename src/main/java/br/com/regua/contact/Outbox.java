package br.com.regua.contact;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import br.com.regua.outbox.Leases;
import br.com.regua.policy.Channel;

/**
 * The delivery side of the {@code contact} table. A worker claims a due contact with one
 * conditional UPDATE that only succeeds while nobody holds a live lease on it, so two workers
 * (two threads, two nodes) never both take the same contact; every outcome is recorded only if
 * the claim is still the recorder's, so a worker whose lease ran out cannot overwrite the next one.
 */
@Repository
class Outbox {

    private static final String CLAIMABLE = "status in ('QUEUED', 'DEFERRED') and next_attempt_at <= :now and " + Leases.FREE;

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ids of contacts due now on the given channels, oldest first. */
    List<Long> dueIds(Collection<Channel> channels, OffsetDateTime now, int limit) {
        if (channels.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from contact where " + CLAIMABLE + " and channel in (:channels) order by next_attempt_at, id limit :limit")
                .param("now", now).param("channels", channels.stream().map(Channel::name).toList()).param("limit", limit)
                .query(Long.class).list();
    }

    /** The first moment a contact on one of the channels may be claimed (its next try, or when a lease on it ends). */
    Optional<OffsetDateTime> nextDue(Collection<Channel> channels) {
        if (channels.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select min(case when lease_until is not null and lease_until > next_attempt_at then lease_until else next_attempt_at end)
                from contact where status in ('QUEUED', 'DEFERRED') and channel in (:channels)""")
                .param("channels", channels.stream().map(Channel::name).toList()).query(OffsetDateTime.class).optional();
    }

    /** Takes the contact until {@code leaseUntil}; empty when another worker has it or it is no longer due. */
    Optional<OutgoingContact> claim(long id, OffsetDateTime now, OffsetDateTime leaseUntil) {
        return Leases.claim(jdbc, "contact", CLAIMABLE, id, now, leaseUntil)
                .flatMap(token -> jdbc.sql("select * from contact where id = ? and claim_token = ?").params(id, token)
                        .query((rs, n) -> OutgoingContact.of(rs, token))
                        .optional());
    }

    boolean sent(OutgoingContact c, String providerId, OffsetDateTime now) {
        return jdbc.sql("""
                update contact set status = 'SENT', sent_at = :now, provider_id = :provider, attempts = attempts + 1,
                       step_key = coalesce(step_key, :step), last_error = null, claim_token = null, lease_until = null,
                       updated_at = :now
                where id = :id and claim_token = :token""")
                .param("now", now).param("provider", providerId).param("step", DeliveryWorker.stepKeyOf(c)).param("id", c.id()).param("token", c.claimToken()).update() == 1;
    }

    /** A failed try with tries left: back to the queue until {@code retryAt}. */
    boolean retryLater(OutgoingContact c, String error, OffsetDateTime retryAt, OffsetDateTime now) {
        return jdbc.sql("""
                update contact set status = 'QUEUED', next_attempt_at = :retryAt, attempts = attempts + 1, last_error = :error,
                       claim_token = null, lease_until = null, updated_at = :now
                where id = :id and claim_token = :token""")
                .param("retryAt", retryAt).param("error", clip(error)).param("now", now).param("id", c.id())
                .param("token", c.claimToken()).update() == 1;
    }

    /** Not now (outside the debtor's contact window, or the weekly cap reached): wait until {@code at}. */
    boolean defer(OutgoingContact c, String reason, OffsetDateTime at, OffsetDateTime now) {
        return jdbc.sql("""
                update contact set status = 'DEFERRED', next_attempt_at = :at, last_error = :reason,
                       claim_token = null, lease_until = null, updated_at = :now
                where id = :id and claim_token = :token""")
                .param("at", at).param("reason", clip(reason)).param("now", now).param("id", c.id())
                .param("token", c.claimToken()).update() == 1;
    }

    /** Given up: no more tries. {@code attempted} says whether this call made a send that failed. */
    boolean failed(OutgoingContact c, String error, boolean attempted, OffsetDateTime now) {
        return jdbc.sql("""
                update contact set status = 'FAILED', attempts = attempts + :tried, last_error = :error,
                       claim_token = null, lease_until = null, updated_at = :now
                where id = :id and claim_token = :token""")
                .param("tried", attempted ? 1 : 0).param("error", clip(error)).param("now", now).param("id", c.id())
                .param("token", c.claimToken()).update() == 1;
    }

    /**
     * A provider's delivery report ({@code deliveredAt}: when it reached the debtor); only a sent
     * contact can be delivered or bounce. Changes the row only when the status changes, so of two
     * identical reports racing, one acts.
     */
    int providerReport(long id, ContactStatus status, String reason, OffsetDateTime deliveredAt, OffsetDateTime now) {
        return jdbc.sql("""
                update contact set status = :status, last_error = :reason, updated_at = :now,
                       delivered_at = case when :status = 'DELIVERED' then :deliveredAt else delivered_at end
                where id = :id and status in ('SENT', 'DELIVERED', 'FAILED') and status <> :status and sent_at is not null""")
                .param("status", status.name()).param("reason", reason == null ? null : clip(reason)).param("now", now)
                .param("deliveredAt", deliveredAt)
                .param("id", id).update();
    }

    /** Contacts waiting to be delivered, on any channel. */
    long waiting() {
        return jdbc.sql("select count(*) from contact where status in ('QUEUED', 'DEFERRED')").query(Long.class).single();
    }

    /** Contacts that may be sent now (QUEUED or DEFERRED, their time come) and since when the oldest of them has been due. */
    Backlog backlog(OffsetDateTime now) {
        return jdbc.sql("select count(*) as n, min(next_attempt_at) as oldest from contact where status in ('QUEUED', 'DEFERRED') and next_attempt_at <= :now")
                .param("now", now)
                .query((rs, n) -> new Backlog(rs.getLong("n"), Optional.ofNullable(rs.getObject("oldest", OffsetDateTime.class))))
                .single();
    }

    record Backlog(long due, Optional<OffsetDateTime> oldestDueSince) {
    }

    /** Every contact by channel and status: one grouped count, for the monitoring gauges. */
    List<ChannelCount> countByChannelAndStatus() {
        return jdbc.sql("select channel, status, count(*) as n from contact group by channel, status")
                .query((rs, n) -> new ChannelCount(rs.getString("channel"), rs.getString("status"), rs.getLong("n"))).list();
    }

    record ChannelCount(String channel, String status, long count) {
    }

    Optional<ContactStatus> status(long id) {
        return jdbc.sql("select status from contact where id = ?").param(id).query(String.class).optional().map(ContactStatus::valueOf);
    }

    /**
     * Steps already sent to the customer since {@code since}, across all their receivables (one step
     * sent on two channels counts once).
     */
    List<String> stepsSentToCustomerSince(long receivableId, OffsetDateTime since) {
        return jdbc.sql("""
                select distinct c.step_key from contact c
                join receivable r on r.id = c.receivable_id
                where r.customer_id = (select customer_id from receivable where id = :receivable)
                  and c.sent_at is not null and c.sent_at > :since""")
                .param("receivable", receivableId).param("since", since).query(String.class).list();
    }

    /** When the oldest of the customer's steps sent since {@code since} was sent. */
    Optional<OffsetDateTime> oldestSendToCustomerSince(long receivableId, OffsetDateTime since) {
        return jdbc.sql("""
                select min(c.sent_at) from contact c join receivable r on r.id = c.receivable_id
                where r.customer_id = (select customer_id from receivable where id = :receivable)
                  and c.sent_at is not null and c.sent_at > :since""")
                .param("receivable", receivableId).param("since", since).query(OffsetDateTime.class).optional();
    }

    private static String clip(String text) {
        return Leases.clip(text);
    }
}
