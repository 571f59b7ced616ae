package br.com.regua.integration.agency;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import br.com.regua.outbox.Leases;
import br.com.regua.receivable.Charges;

/**
 * The placements, one per receivable. A row is claimed as a bureau listing is ({@link Leases});
 * every outcome the worker records is conditioned on its claim's token, so a worker whose lease ran
 * out cannot overwrite what the next holder did.
 */
@Repository
class AgencyPlacements {

    static final String REQUESTED = "REQUESTED";
    static final String PLACED = "PLACED";
    static final String RECALL_REQUESTED = "RECALL_REQUESTED";
    static final String RECALLED = "RECALLED";
    static final String PAID = "PAID";
    static final String FAILED = "FAILED";

    private static final String CLAIMABLE = "status in ('REQUESTED', 'RECALL_REQUESTED') and next_attempt_at <= :now and "
            + Leases.FREE;

    private final JdbcClient jdbc;

    AgencyPlacements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A placement as the worker holds it. */
    record Row(long id, long receivableId, String reference, String agency, String status, String agencyRef, String recallReason,
               int attempts, String token) {
    }

    /**
     * Writes the request, in the caller's transaction, under the receivable's external id (its second
     * placement, after an agreement broken, under {@code id#2}…); false when one is still running.
     */
    boolean request(long receivableId, String externalId, String agency, OffsetDateTime now) {
        long earlier = jdbc.sql("select count(*) from agency_placement where receivable_id = ?").param(receivableId).query(Long.class).single();
        String reference = earlier == 0 ? externalId : externalId + "#" + (earlier + 1);
        return jdbc.sql("""
                insert into agency_placement (receivable_id, reference, agency, status, requested_at, next_attempt_at, updated_at)
                select ?, ?, ?, 'REQUESTED', ?, ?, ? where not exists (select 1 from agency_placement where receivable_id = ?
                    and status in ('REQUESTED', 'PLACED', 'RECALL_REQUESTED'))""")
                .params(receivableId, reference, agency, now, now, now, receivableId).update() == 1;
    }

    /** The receivable's placement (the latest), whatever its status. */
    Optional<Row> ofReceivable(long receivableId) {
        return jdbc.sql("select * from agency_placement where receivable_id = ? order by id desc limit 1").param(receivableId)
                .query((rs, n) -> row(rs, null)).optional();
    }

    /**
     * The debt ended for {@code reason}: a placement the agency has gets its recall asked for now; one
     * not sent yet is never sent ({@code RECALLED} at once); one the agency itself collected in full is
     * {@code PAID}. Which of these happened, or empty when nothing was placed.
     */
    Optional<String> ended(long receivableId, String reason, boolean paidThroughAgency, OffsetDateTime now) {
        if (paidThroughAgency) {
            int paid = jdbc.sql("""
                    update agency_placement set status = 'PAID', recall_reason = :reason, recalled_at = :now, next_attempt_at = null,
                           updated_at = :now
                    where receivable_id = :id and status in ('PLACED', 'RECALL_REQUESTED')""")
                    .param("reason", reason).param("now", now).param("id", receivableId).update();
            if (paid > 0) {
                return Optional.of(PAID);
            }
        }
        int recall = jdbc.sql("""
                update agency_placement set status = 'RECALL_REQUESTED', recall_reason = :reason, recall_requested_at = :now,
                       attempts = 0, next_attempt_at = :now, last_error = null, updated_at = :now
                where receivable_id = :id and status = 'PLACED'""")
                .param("reason", reason).param("now", now).param("id", receivableId).update();
        if (recall > 0) {
            return Optional.of(RECALL_REQUESTED);
        }
        // not sent yet, and not in a worker's hands: never sent. One being sent right now is turned
        // into a recall by placed() when the agency answers.
        int unsent = jdbc.sql("""
                update agency_placement set status = 'RECALLED', recall_reason = :reason, recall_requested_at = :now, recalled_at = :now,
                       next_attempt_at = null, updated_at = :now
                where receivable_id = :id and status = 'REQUESTED' and (lease_until is null or lease_until <= :now)""")
                .param("reason", "not sent: " + reason + " first").param("now", now).param("id", receivableId).update();
        if (unsent > 0) {
            return Optional.of(RECALLED);
        }
        int inFlight = jdbc.sql("""
                update agency_placement set recall_reason = :reason, recall_requested_at = :now, updated_at = :now
                where receivable_id = :id and status = 'REQUESTED'""")
                .param("reason", reason).param("now", now).param("id", receivableId).update();
        return inFlight > 0 ? Optional.of(REQUESTED) : Optional.empty();
    }

    /** Rows that may be claimed now, the oldest first. */
    List<Long> dueIds(OffsetDateTime now, int limit) {
        return jdbc.sql("select id from agency_placement where " + CLAIMABLE + " order by next_attempt_at, id limit :limit")
                .param("now", now).param("limit", limit).query(Long.class).list();
    }

    Optional<Row> claim(long id, OffsetDateTime now, OffsetDateTime leaseUntil) {
        return Leases.claim(jdbc, "agency_placement", CLAIMABLE, id, now, leaseUntil)
                .flatMap(token -> jdbc.sql("select * from agency_placement where id = ? and claim_token = ?").params(id, token)
                        .query((rs, n) -> row(rs, token)).optional());
    }

    /**
     * The agency has it: PLACED, with the amounts it was told; or, when the debt ended while it was
     * being sent, a recall due at once. The status it ended in, or empty when the claim was no longer ours.
     */
    Optional<String> placed(Row r, String agencyRef, Charges owed, OffsetDateTime now) {
        int rows = jdbc.sql("""
                update agency_placement set
                       status = case when recall_requested_at is null then 'PLACED' else 'RECALL_REQUESTED' end,
                       agency_ref = :ref, principal = :principal, fine = :fine, interest = :interest, total = :total, placed_at = :now,
                       attempts = 0, last_error = null, next_attempt_at = :now, claim_token = null, lease_until = null, updated_at = :now
                where id = :id and claim_token = :token and status = 'REQUESTED'""")
                .param("ref", agencyRef).param("principal", owed.principal()).param("fine", owed.fine())
                .param("interest", owed.interest()).param("total", owed.total()).param("now", now)
                .param("id", r.id()).param("token", r.token()).update();
        return rows == 1 ? jdbc.sql("select status from agency_placement where id = ?").param(r.id()).query(String.class).optional()
                : Optional.empty();
    }

    /** The debt is no longer open at the moment of sending: never sent. */
    boolean notSent(Row r, String reason, OffsetDateTime now) {
        return jdbc.sql("""
                update agency_placement set status = 'RECALLED', recall_reason = :reason, recalled_at = :now, next_attempt_at = null,
                       claim_token = null, lease_until = null, updated_at = :now
                where id = :id and claim_token = :token and status = 'REQUESTED'""")
                .param("reason", Leases.clip("not sent: " + reason)).param("now", now).param("id", r.id()).param("token", r.token())
                .update() == 1;
    }

    /** The agency refused the placement for good (a 4xx): FAILED, for a person to look at. */
    boolean failed(Row r, String error, OffsetDateTime now) {
        return jdbc.sql("""
                update agency_placement set status = 'FAILED', last_error = :error, attempts = attempts + 1, next_attempt_at = null,
                       claim_token = null, lease_until = null, updated_at = :now
                where id = :id and claim_token = :token and status = 'REQUESTED'""")
                .param("error", Leases.clip(error)).param("now", now).param("id", r.id()).param("token", r.token()).update() == 1;
    }

    /** Not now: tried again at {@code next}. */
    boolean later(Row r, String error, OffsetDateTime next, OffsetDateTime now) {
        return jdbc.sql("""
                update agency_placement set attempts = attempts + 1, last_error = :error, next_attempt_at = :next,
                       claim_token = null, lease_until = null, updated_at = :now
                where id = :id and claim_token = :token""")
                .param("error", Leases.clip(error)).param("next", next).param("now", now)
                .param("id", r.id()).param("token", r.token()).update() == 1;
    }

    boolean recalled(Row r, OffsetDateTime now) {
        return jdbc.sql("""
                update agency_placement set status = 'RECALLED', recalled_at = :now, attempts = attempts + 1, last_error = null,
                       next_attempt_at = null, claim_token = null, lease_until = null, updated_at = :now
                where id = :id and claim_token = :token and status = 'RECALL_REQUESTED'""")
                .param("now", now).param("id", r.id()).param("token", r.token()).update() == 1;
    }

    private static Row row(java.sql.ResultSet rs, String token) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getLong("receivable_id"), rs.getString("reference"), rs.getString("agency"),
                rs.getString("status"), rs.getString("agency_ref"), rs.getString("recall_reason"), rs.getInt("attempts"), token);
    }
}
