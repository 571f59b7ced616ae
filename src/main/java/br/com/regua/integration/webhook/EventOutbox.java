package br.com.regua.integration.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import br.com.regua.outbox.Leases;

/**
 * The events and their deliveries, one per event and endpoint. A delivery is claimed as the
 * contact outbox claims a contact ({@link Leases}): due, not leased, its endpoint active, and —
 * what keeps a receivable's events in order — no earlier event of the same receivable still
 * pending for the same endpoint. Outcomes are recorded only under the claim's token.
 */
@Repository
class EventOutbox {

    private static final String CLAIMABLE = """
            status = 'PENDING' and next_attempt_at <= :now and %s
            and exists (select 1 from webhook_endpoint e where e.id = d.endpoint_id and e.status = 'ACTIVE')
            and not exists (select 1 from webhook_delivery p where p.endpoint_id = d.endpoint_id and p.receivable = d.receivable
                            and p.event_id < d.event_id and p.status = 'PENDING')""".formatted(Leases.FREE);

    private final JdbcClient jdbc;

    EventOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A delivery in a worker's hands: what to send, where, and the token its outcome is recorded under. */
    record Claimed(long id, String token, int attempts, long endpointId, String url, String secret, String eventId, String payload) {
    }

    /** Endpoints that hear {@code type}: those that named it, and those that named none (all types). Paused ones too: they hear it once resumed. */
    List<Long> subscribers(String type) {
        return jdbc.sql("""
                select e.id from webhook_endpoint e
                where not exists (select 1 from webhook_subscription s where s.endpoint_id = e.id)
                   or exists (select 1 from webhook_subscription s where s.endpoint_id = e.id and s.event_type = :type)
                order by e.id""").param("type", type).query(Long.class).list();
    }

    /** Writes the event and a pending delivery to each endpoint, in the caller's transaction. */
    void write(String publicId, String type, String receivable, String payload, OffsetDateTime happenedAt, List<Long> endpoints,
               OffsetDateTime now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into webhook_event (public_id, event_type, receivable, payload, happened_at) values (?, ?, ?, ?, ?)")
                .params(publicId, type, receivable, payload, happenedAt).update(key, "id");
        long eventId = key.getKey().longValue();
        for (long endpoint : endpoints) {
            jdbc.sql("""
                    insert into webhook_delivery (event_id, endpoint_id, receivable, status, next_attempt_at, created_at, updated_at)
                    values (?, ?, ?, 'PENDING', ?, ?, ?)""").params(eventId, endpoint, receivable, now, now, now).update();
        }
    }

    /** Deliveries that may be claimed now, oldest event first. */
    List<Long> dueIds(OffsetDateTime now, int limit) {
        return jdbc.sql("select d.id from webhook_delivery d where " + CLAIMABLE + " order by d.event_id, d.id limit :limit")
                .param("now", now).param("limit", limit).query(Long.class).list();
    }

    Optional<Claimed> claim(long id, OffsetDateTime now, OffsetDateTime leaseUntil) {
        return claimAll(List.of(id), now, leaseUntil).stream().findFirst();
    }

    /** Takes those of {@code ids} still claimable, in one statement; oldest event first. */
    List<Claimed> claimAll(List<Long> ids, OffsetDateTime now, OffsetDateTime leaseUntil) {
        return Leases.claimAll(jdbc, "webhook_delivery d", CLAIMABLE, ids, now, leaseUntil)
                .map(token -> jdbc.sql("""
                                select d.id, d.claim_token, d.attempts, d.endpoint_id, e.url, e.secret, v.public_id, v.payload
                                from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id join webhook_event v on v.id = d.event_id
                                where d.id in (:ids) and d.claim_token = :token order by d.event_id, d.id""")
                        .param("ids", ids).param("token", token)
                        .query((rs, n) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8)))
                        .list())
                .orElse(List.of());
    }

    /** The endpoint took it: SENT, and the endpoint's run of failures ends. False when the claim was no longer ours. */
    boolean sent(Claimed c, int statusCode, OffsetDateTime now) {
        attempt(c, now, statusCode, null, null);
        boolean ours = jdbc.sql("""
                update webhook_delivery set status = 'SENT', sent_at = :now, attempts = attempts + 1, claim_token = null,
                       lease_until = null, updated_at = :now
                where id = :id and claim_token = :token""")
                .param("now", now).param("id", c.id()).param("token", c.token()).update() == 1;
        jdbc.sql("update webhook_endpoint set consecutive_failures = 0, failing_since = null, updated_at = ? where id = ?")
                .params(now, c.endpointId()).update();
        return ours;
    }

    /**
     * A failed try: the delivery waits until {@code retryAt}, and the endpoint's run of failures
     * grows. True when this failure paused the endpoint (too many in a row, or failing for too long).
     */
    boolean failed(Claimed c, Integer statusCode, String error, OffsetDateTime retryAt, int pauseAfterFailures,
                   OffsetDateTime failingSinceLimit, OffsetDateTime now) {
        attempt(c, now, statusCode, error, retryAt);
        jdbc.sql("""
                update webhook_delivery set next_attempt_at = :retryAt, attempts = attempts + 1, claim_token = null,
                       lease_until = null, updated_at = :now
                where id = :id and claim_token = :token""")
                .param("retryAt", retryAt).param("now", now).param("id", c.id()).param("token", c.token()).update();
        jdbc.sql("""
                update webhook_endpoint set consecutive_failures = consecutive_failures + 1,
                       failing_since = coalesce(failing_since, :now), updated_at = :now
                where id = :id""").param("now", now).param("id", c.endpointId()).update();
        Optional<Integer> failures = jdbc.sql("""
                select consecutive_failures from webhook_endpoint
                where id = :id and status = 'ACTIVE' and (consecutive_failures >= :max or failing_since <= :limit)""")
                .param("id", c.endpointId()).param("max", pauseAfterFailures).param("limit", failingSinceLimit)
                .query(Integer.class).optional();
        if (failures.isEmpty()) {
            return false;
        }
        String reason = Leases.clip("paused after " + failures.get() + " failed tries in a row; the last: " + error);
        return jdbc.sql("update webhook_endpoint set status = 'PAUSED', paused_reason = ?, updated_at = ? where id = ? and status = 'ACTIVE'")
                .params(reason, now, c.endpointId()).update() == 1;
    }

    /** Every try is kept, even one whose claim ran out meanwhile (the endpoint saw it all the same). */
    private void attempt(Claimed c, OffsetDateTime at, Integer statusCode, String error, OffsetDateTime next) {
        jdbc.sql("""
                insert into webhook_attempt (delivery_id, attempted_at, status_code, error, next_attempt_at)
                select id, ?, ?, ?, ? from webhook_delivery where id = ?""")
                .params(at, statusCode, Leases.clip(error), next, c.id()).update();
    }

    /**
     * Sends the event again to every endpoint that had it, and to those that hear its type now but
     * never had it; the same {@code webhook-id}, so a receiver that already has it drops it. Empty
     * when there is no such event; otherwise how many deliveries are queued.
     */
    Optional<Integer> resend(String publicId, OffsetDateTime now) {
        Optional<Event> event = jdbc.sql("select id, event_type, receivable from webhook_event where public_id = ?").param(publicId)
                .query((rs, n) -> new Event(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
        if (event.isEmpty()) {
            return Optional.empty();
        }
        Event e = event.get();
        // a try in flight loses its claim: its outcome is not recorded, so this resend is not taken for done
        jdbc.sql("""
                update webhook_delivery set status = 'PENDING', next_attempt_at = ?, claim_token = null, lease_until = null, updated_at = ?
                where event_id = ?""").params(now, now, e.id()).update();
        for (long endpoint : subscribers(e.type())) {
            jdbc.sql("""
                    insert into webhook_delivery (event_id, endpoint_id, receivable, status, next_attempt_at, created_at, updated_at)
                    select ?, ?, ?, 'PENDING', ?, ?, ? where not exists
                      (select 1 from webhook_delivery where event_id = ? and endpoint_id = ?)""")
                    .params(e.id(), endpoint, e.receivable(), now, now, now, e.id(), endpoint).update();
        }
        return Optional.of(jdbc.sql("select count(*) from webhook_delivery where event_id = ?").param(e.id()).query(Integer.class).single());
    }

    private record Event(long id, String type, String receivable) {
    }

    /** The endpoint's deliveries, latest event first, with every attempt. */
    List<WebhookService.Delivery> deliveries(long endpointId, int limit) {
        List<WebhookService.Delivery> deliveries = jdbc.sql("""
                select d.id, v.public_id, v.event_type, v.receivable, v.happened_at, d.status, d.attempts, d.next_attempt_at, d.sent_at
                from webhook_delivery d join webhook_event v on v.id = d.event_id
                where d.endpoint_id = ? order by d.event_id desc limit ?""").params(endpointId, limit)
                .query((rs, n) -> new WebhookService.Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getInt(7),
                        "PENDING".equals(rs.getString(6)) ? rs.getObject(8, OffsetDateTime.class) : null,
                        rs.getObject(9, OffsetDateTime.class), List.of()))
                .list();
        return deliveries.stream().map(d -> d.withAttempts(jdbc.sql("""
                        select attempted_at, status_code, error, next_attempt_at from webhook_attempt where delivery_id = ? order by id""")
                .param(d.id())
                .query((rs, n) -> new WebhookService.Attempt(rs.getObject(1, OffsetDateTime.class), (Integer) rs.getObject(2),
                        rs.getString(3), rs.getObject(4, OffsetDateTime.class)))
                .list())).toList();
    }
}
