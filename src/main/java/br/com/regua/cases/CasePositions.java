package br.com.regua.cases;

import java.time.OffsetDateTime;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import br.com.regua.policy.Segment;
import br.com.regua.receivable.ReachedDays;

/**
 * Writes a case's position in its schedule: the stage and day of its last step, the next step, the
 * stages it reached, the days it spent paused, the moment a promise to pay holds it until. Only {@link CollectionCases} writes them; the
 * columns live on the receivable's row so that one read gives a receivable with its case.
 */
@Repository
class CasePositions {

    private final JdbcClient jdbc;

    CasePositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code caseId} null: the case id stays as it is; otherwise it is set if the receivable has none. */
    void update(long receivableId, String caseId, String stage, Integer lastStepDay, Segment segment, String nextStage,
                OffsetDateTime nextStepAt, Map<String, Integer> reachedDays, OffsetDateTime now) {
        jdbc.sql("""
                update receivable set case_id = coalesce(case_id, ?), stage = ?, last_step_day = ?, segment = ?, next_stage = ?,
                       next_step_at = ?, reached_days = ?, updated_at = ? where id = ?""")
                .params(caseId, stage, lastStepDay, segment == null ? null : segment.name(), nextStage, nextStepAt,
                        ReachedDays.format(reachedDays), now, receivableId)
                .update();
    }

    /** No next step: the schedule waits (an agreement, a dispute) or has ended. */
    void clearNextStep(long receivableId, OffsetDateTime now) {
        jdbc.sql("update receivable set next_stage = null, next_step_at = null, updated_at = ? where id = ?")
                .params(now, receivableId).update();
    }

    /** The case takes no step before {@code until}; a next step planned earlier is shown at {@code until}. */
    void hold(long receivableId, OffsetDateTime until, OffsetDateTime now) {
        jdbc.sql("""
                update receivable set held_until = ?, updated_at = ?,
                       next_step_at = case when next_step_at is not null and next_step_at < ? then ? else next_step_at end
                where id = ?""")
                .params(until, now, until, until, receivableId).update();
    }

    void setPausedDays(long receivableId, int pausedDays, OffsetDateTime now) {
        jdbc.sql("update receivable set paused_days = ?, updated_at = ? where id = ?").params(pausedDays, now, receivableId).update();
    }
}
