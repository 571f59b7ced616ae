package br.com.regua.desk;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import br.com.regua.receivable.ReadAlong;
import br.com.regua.schedule.CallOutcomeFacts;

/** The calls' outcomes, as the collectors recorded them ({@code call_outcome}). */
@Repository
class CallOutcomes implements CallOutcomeFacts {

    private final JdbcClient jdbc;

    CallOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One recorded call. */
    record Row(long receivableId, String taskId, CallOutcome outcome, String note, String promiseId, String disputeId,
               OffsetDateTime callBackAt, String collector, OffsetDateTime recordedAt) {
    }

    void insert(Row row) {
        jdbc.sql("""
                insert into call_outcome (receivable_id, task_id, outcome, note, promise_id, dispute_id, call_back_at, collector, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.receivableId(), row.taskId(), row.outcome().name(), row.note(), row.promiseId(), row.disputeId(),
                        row.callBackAt(), row.collector(), row.recordedAt())
                .update();
    }

    /** Newest first. */
    List<Row> forReceivable(long receivableId) {
        return jdbc.sql("""
                select receivable_id, task_id, outcome, note, promise_id, dispute_id, call_back_at, collector, recorded_at
                from call_outcome where receivable_id = ? order by recorded_at desc, id desc""")
                .param(receivableId)
                .query((rs, n) -> new Row(rs.getLong("receivable_id"), rs.getString("task_id"), CallOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("note"), rs.getString("promise_id"), rs.getString("dispute_id"),
                        rs.getObject("call_back_at", OffsetDateTime.class), rs.getString("collector"),
                        rs.getObject("recorded_at", OffsetDateTime.class)))
                .list();
    }

    boolean recordedFor(String taskId) {
        return jdbc.sql("select count(*) from call_outcome where task_id = ?").param(taskId).query(Long.class).single() > 0;
    }

    private static final ReadAlong<Optional<String>> LAST_OUTCOME = new ReadAlong<>("""
            (select o.outcome from call_outcome o where o.receivable_id = r.id order by o.recorded_at desc, o.id desc
             fetch first 1 rows only)""", (rs, column) -> Optional.ofNullable(rs.getString(column)));

    @Override
    public ReadAlong<Optional<String>> lastCallOutcomeAlong() {
        return LAST_OUTCOME;
    }

    @Override
    public Optional<String> lastCallOutcome(long receivableId) {
        return jdbc.sql("select outcome from call_outcome where receivable_id = ? order by recorded_at desc, id desc "
                        + "fetch first 1 rows only")
                .param(receivableId).query(String.class).optional();
    }
}
