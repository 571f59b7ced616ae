package br.com.regua.integration.bureau;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import br.com.regua.outbox.Leases;

/**
 * The listings, one per receivable. A row is claimed as a contact or a webhook delivery is
 * ({@link Leases}); every outcome the worker records is conditioned on its claim's token, so a
 * worker whose lease ran out cannot overwrite what the next holder did.
 */
@Repository
class BureauListings {

    static final String REQUESTED = "REQUESTED";
    static final String LISTED = "LISTED";
    static final String REFUSED = "REFUSED";
    static final String FAILED = "FAILED";
    static final String REMOVAL_REQUESTED = "REMOVAL_REQUESTED";
    static final String REMOVED = "REMOVED";

    private static final String CLAIMABLE = "status in ('REQUESTED', 'REMOVAL_REQUESTED') and next_attempt_at <= :now and "
            + Leases.FREE;

    private final JdbcClient jdbc;

    BureauListings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A listing as the worker holds it. */
    record Row(long id, long receivableId, String reference, String status, String bureauRef, BigDecimal amount, int attempts,
               OffsetDateTime removalSentAt, LocalDate removalDueBy, String token) {
    }

    /** Writes the request, in the caller's transaction; false when the receivable has one already (a retried step). */
    boolean request(long receivableId, String reference, BigDecimal amount, OffsetDateTime now) {
        return jdbc.sql("""
                insert into bureau_listing (receivable_id, reference, status, amount, requested_at, next_attempt_at, updated_at)
                select ?, ?, 'REQUESTED', ?, ?, ?, ? where not exists (select 1 from bureau_listing where reference = ?)""")
                .params(receivableId, reference, amount, now, now, now, reference).update() == 1;
    }

    Optional<Row> ofReceivable(long receivableId) {
        return jdbc.sql("select * from bureau_listing where receivable_id = ? order by id desc limit 1").param(receivableId)
                .query((rs, n) -> row(rs, null)).optional();
    }

    /**
     * The debt is gone (paid, agreement kept, dispute upheld): a listing at the bureau gets its removal
     * asked for now; one not sent yet is never sent. A listing in a worker's hands keeps its claim: if
     * the bureau listed it meanwhile, the worker turns it into a removal ({@link #listed}). Which of
     * these happened, or empty when there was nothing to remove.
     */
    Optional<String> removalRequested(long receivableId, String reason, LocalDate dueBy, OffsetDateTime now) {
        int removal = jdbc.sql("""
                update bureau_listing set status = 'REMOVAL_REQUESTED', removal_reason = :reason, removal_requested_at = :now,
                       removal_due_by = :dueBy, attempts = 0, next_attempt_at = :now, last_error = null, updated_at = :now
                where receivable_id = :id and status = 'LISTED'""")
                .param("reason", reason).param("now", now).param("dueBy", dueBy).param("id", receivableId).update();
        if (removal > 0) {
            return Optional.of(REMOVAL_REQUESTED);
        }
        int unsent = jdbc.sql("""
                update bureau_listing set status = 'REFUSED', refused_reason = :why, removal_reason = :reason,
                       removal_requested_at = :now, removal_due_by = :dueBy, updated_at = :now
                where receivable_id = :id and status = 'REQUESTED'""")
                .param("why", "not sent: " + reason + " before it was").param("reason", reason).param("now", now)
                .param("dueBy", dueBy).param("id", receivableId).update();
        return unsent > 0 ? Optional.of(REFUSED) : Optional.empty();
    }

    /** Rows that may be claimed now, the oldest first. */
    List<Long> dueIds(OffsetDateTime now, int limit) {
        return jdbc.sql("select id from bureau_listing where " + CLAIMABLE + " order by next_attempt_at, id limit :limit")
                .param("now", now).param("limit", limit).query(Long.class).list();
    }

    Optional<Row> claim(long id, OffsetDateTime now, OffsetDateTime leaseUntil) {
        return Leases.claim(jdbc, "bureau_listing", CLAIMABLE, id, now, leaseUntil)
                .flatMap(token -> jdbc.sql("select * from bureau_listing where id = ? and claim_token = ?").params(id, token)
                        .query((rs, n) -> row(rs, token)).optional());
    }

    /**
     * The bureau has it: LISTED; or, when the debt was paid while it was being sent, a removal due at
     * once. The status it ended in, or empty when the claim was no longer ours.
     */
    Optional<String> listed(Row r, String bureauRef, BigDecimal amount, OffsetDateTime now) {
        int rows = jdbc.sql("""
                update bureau_listing set
                       status = case when status = 'REQUESTED' then 'LISTED' else 'REMOVAL_REQUESTED' end,
                       refused_reason = case when status = 'REQUESTED' then null else refused_reason end,
                       bureau_ref = :ref, amount = :amount, listed_at = :now, attempts = attempts + 1, last_error = null, next_attempt_at = :now,
                       claim_token = null, lease_until = null, updated_at = :now
                where id = :id and claim_token = :token and (status = 'REQUESTED' or removal_requested_at is not null)""")
                .param("ref", bureauRef).param("amount", amount).param("now", now).param("id", r.id()).param("token", r.token())
                .update();
        return rows == 1 ? jdbc.sql("select status from bureau_listing where id = ?").param(r.id()).query(String.class).optional()
                : Optional.empty();
    }

    /** A condition of the policy failed at the moment of sending: never sent. */
    boolean refused(Row r, String reason, OffsetDateTime now) {
        return jdbc.sql("""
                update bureau_listing set status = 'REFUSED', refused_reason = :reason, claim_token = null, lease_until = null,
                       updated_at = :now
                where id = :id and claim_token = :token and status = 'REQUESTED'""")
                .param("reason", Leases.clip(reason)).param("now", now).param("id", r.id()).param("token", r.token()).update() == 1;
    }

    /** The bureau refused it for good (a 4xx): FAILED, for a person to look at. */
    boolean failed(Row r, String error, OffsetDateTime now) {
        return jdbc.sql("""
                update bureau_listing set status = 'FAILED', refused_reason = :error, last_error = :error, attempts = attempts + 1,
                       claim_token = null, lease_until = null, updated_at = :now
                where id = :id and claim_token = :token and status = 'REQUESTED'""")
                .param("error", Leases.clip(error)).param("now", now).param("id", r.id()).param("token", r.token()).update() == 1;
    }

    /** Not now: tried again at {@code next}; {@code tried} when the bureau was called (a wait for the notice period is no try). */
    boolean later(Row r, String error, boolean tried, OffsetDateTime next, OffsetDateTime now) {
        return jdbc.sql("""
                update bureau_listing set attempts = attempts + :tried, last_error = :error, next_attempt_at = :next,
                       claim_token = null, lease_until = null, updated_at = :now
                where id = :id and claim_token = :token""")
                .param("tried", tried ? 1 : 0).param("error", Leases.clip(error)).param("next", next).param("now", now)
                .param("id", r.id()).param("token", r.token()).update() == 1;
    }

    /** The bureau accepted the removal without confirming it: asked again at {@code next}. */
    boolean removalSent(Row r, OffsetDateTime next, OffsetDateTime now) {
        return jdbc.sql("""
                update bureau_listing set removal_sent_at = coalesce(removal_sent_at, :now), attempts = attempts + 1, last_error = null,
                       next_attempt_at = :next, claim_token = null, lease_until = null, updated_at = :now
                where id = :id and claim_token = :token and status = 'REMOVAL_REQUESTED'""")
                .param("now", now).param("next", next).param("id", r.id()).param("token", r.token()).update() == 1;
    }

    boolean removed(Row r, OffsetDateTime now) {
        return jdbc.sql("""
                update bureau_listing set status = 'REMOVED', removed_at = :now, attempts = attempts + 1, last_error = null,
                       next_attempt_at = null, claim_token = null, lease_until = null, updated_at = :now
                where id = :id and claim_token = :token and status = 'REMOVAL_REQUESTED'""")
                .param("now", now).param("id", r.id()).param("token", r.token()).update() == 1;
    }

    /** A removal whose deadline passed unconfirmed, to be reported once. */
    record Overdue(long id, long receivableId, String reference, LocalDate dueBy) {
    }

    /** Removals not confirmed on or after their last day, not yet raised as an incident: raised on the last day, while there is time. */
    List<Overdue> overdueNotFlagged(LocalDate today) {
        return jdbc.sql("""
                select id, receivable_id, reference, removal_due_by from bureau_listing
                where status = 'REMOVAL_REQUESTED' and removal_due_by <= ? and overdue_flagged_at is null order by id""")
                .param(today)
                .query((rs, n) -> new Overdue(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class))).list();
    }

    /** True for the one node that flags it. */
    boolean flagOverdue(long id, OffsetDateTime now) {
        return jdbc.sql("update bureau_listing set overdue_flagged_at = ?, updated_at = ? where id = ? and overdue_flagged_at is null")
                .params(now, now, id).update() == 1;
    }

    long overdueRemovals(LocalDate today) {
        return jdbc.sql("select count(*) from bureau_listing where status = 'REMOVAL_REQUESTED' and removal_due_by < ?")
                .param(today).query(Long.class).single();
    }

    private static Row row(java.sql.ResultSet rs, String token) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getLong("receivable_id"), rs.getString("reference"), rs.getString("status"),
                rs.getString("bureau_ref"), rs.getBigDecimal("amount"), rs.getInt("attempts"),
                rs.getObject("removal_sent_at", OffsetDateTime.class), rs.getObject("removal_due_by", LocalDate.class), token);
    }
}
