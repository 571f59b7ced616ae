package br.com.regua.cases;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import br.com.regua.receivable.ReadAlong;
import br.com.regua.transactions.WriteBehind;

/**
 * What happened to a case, for its timeline: the stages it went through, its agreements and promises, its deletion in the engine.
 * Entries are written just before their transaction commits, in one batch ({@link WriteBehind}); reads here see them.
 */
@Component
public class CaseEvents {

    /** The longest reason kept; the engine accepts longer ones. */
    static final int MAX_REASON = 1000;
    static final int MAX_ACTOR = 100;

    private final JdbcClient jdbc;
    private final WriteBehind writes;

    public CaseEvents(JdbcClient jdbc, WriteBehind writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    public enum Kind {
        /** The case reached a stage, or something happened at its stage ({@code detail} says what). */
        STAGE,
        /** An agreement was accepted, kept or broken, or one of its installments paid, with the case at {@code stage}. */
        AGREEMENT,
        /** A promise to pay was made, kept, broken or closed, with the case at {@code stage}. */
        PROMISE,
        /** Its process instance (or the agreement's it waited on) was deleted in the engine from outside Régua. */
        DELETED_IN_ENGINE,
        /** The debtor did something on their own page (the debtor portal), the case being at {@code stage}. */
        DEBTOR,
        /** A collector called the debtor and recorded how the call ended ({@code by}: the collector). */
        CALL,
        /** The credit bureau: a listing requested, refused, listed, its removal asked for or confirmed, the case being at {@code stage}. */
        BUREAU,
        /** The external collection agency: a placement requested, placed, recalled or paid, the case being at {@code stage}. */
        AGENCY
    }

    /** {@code by} and {@code reason}, for {@link Kind#DELETED_IN_ENGINE}: who deleted the case and the reason given (null when none). */
    public record CaseEvent(Kind kind, String stage, String detail, String by, String reason, OffsetDateTime at) {
    }

    public void stageReached(long receivableId, String stage, String detail, OffsetDateTime at) {
        record(receivableId, Kind.STAGE, stage, detail, at);
    }

    /** Something happened to the case's agreement, the case being at {@code stage}. */
    public void agreement(long receivableId, String stage, String detail, OffsetDateTime at) {
        record(receivableId, Kind.AGREEMENT, stage, detail, at);
    }

    /** The debtor did something on their page, the case being at {@code stage}. */
    public void debtor(long receivableId, String stage, String detail, OffsetDateTime at) {
        record(receivableId, Kind.DEBTOR, stage, detail, at);
    }

    /** A collector, {@code by}, recorded how a call ended, the case being at {@code stage}. */
    public void call(long receivableId, String stage, String detail, String by, OffsetDateTime at) {
        writes.insert("insert into case_event (receivable_id, kind, stage, detail, actor, happened_at) values (?, ?, ?, ?, ?, ?)",
                receivableId, Kind.CALL.name(), stage, detail, cut(by, MAX_ACTOR), at);
    }

    /** Something happened to a promise to pay on the case, the case being at {@code stage}. */
    public void promise(long receivableId, String stage, String detail, OffsetDateTime at) {
        record(receivableId, Kind.PROMISE, stage, detail, at);
    }

    /** Something happened to the debt at the credit bureau, the case being at {@code stage}. */
    public void bureau(long receivableId, String stage, String detail, OffsetDateTime at) {
        record(receivableId, Kind.BUREAU, stage, detail, at);
    }

    /** Something happened to the debt at the external collection agency, the case being at {@code stage}. */
    public void agency(long receivableId, String stage, String detail, OffsetDateTime at) {
        record(receivableId, Kind.AGENCY, stage, detail, at);
    }

    private void record(long receivableId, Kind kind, String stage, String detail, OffsetDateTime at) {
        writes.insert("insert into case_event (receivable_id, kind, stage, detail, happened_at) values (?, ?, ?, ?, ?)",
                receivableId, kind.name(), stage, detail, at);
    }

    /** The case, at {@code stage}, was deleted in the engine by {@code by}. */
    void deletedInEngine(long receivableId, String stage, String detail, String by, String reason, OffsetDateTime at) {
        writes.insert("insert into case_event (receivable_id, kind, stage, detail, actor, reason, happened_at) values (?, ?, ?, ?, ?, ?, ?)",
                receivableId, Kind.DELETED_IN_ENGINE.name(), stage, detail, cut(by, MAX_ACTOR), cut(reason, MAX_REASON), at);
    }

    /** The stages a receivable reached, oldest entry first, read along with the receivable; with {@link #TIMES_ALONG}. */
    public static final ReadAlong<List<Object>> STAGES_ALONG = new ReadAlong<>(
            "(select array_agg(e.stage order by e.id) from case_event e where e.receivable_id = r.id and e.kind = 'STAGE')", ReadAlong::array);

    /** When it reached each of {@link #STAGES_ALONG}, in the same order. */
    public static final ReadAlong<List<Object>> TIMES_ALONG = new ReadAlong<>(
            "(select array_agg(e.happened_at order by e.id) from case_event e where e.receivable_id = r.id and e.kind = 'STAGE')",
            ReadAlong::array);

    /**
     * As {@link #firstReached(long)}, from what {@link #STAGES_ALONG} and {@link #TIMES_ALONG} read; read
     * again when entries of this transaction still wait to be written (those read may lack them).
     */
    public Map<String, OffsetDateTime> firstReached(long receivableId, List<Object> stages, List<Object> times) {
        if (writes.waiting()) {
            return firstReached(receivableId);
        }
        Map<String, OffsetDateTime> reached = new LinkedHashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            reached.merge((String) stages.get(i), ReadAlong.instant(times.get(i)), (first, later) -> later.isBefore(first) ? later : first);
        }
        return reached;
    }

    /**
     * When each stage was first reached: a step reads it to know what notices the debtor already had,
     * so only the stage and its first time are read, not the whole timeline.
     */
    public Map<String, OffsetDateTime> firstReached(long receivableId) {
        Map<String, OffsetDateTime> reached = new LinkedHashMap<>();
        writes.flush();
        jdbc.sql("select stage, min(happened_at) as first_at from case_event where receivable_id = ? and kind = 'STAGE' group by stage")
                .param(receivableId)
                .query((rs, n) -> reached.put(rs.getString("stage"), rs.getObject("first_at", OffsetDateTime.class)))
                .list();
        return reached;
    }

    public List<CaseEvent> forReceivable(long receivableId) {
        writes.flush();
        return jdbc.sql("select * from case_event where receivable_id = ? order by id").param(receivableId)
                .query((rs, n) -> new CaseEvent(Kind.valueOf(rs.getString("kind")), rs.getString("stage"),
                        rs.getString("detail"), rs.getString("actor"), rs.getString("reason"),
                        rs.getObject("happened_at", OffsetDateTime.class)))
                .list();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
