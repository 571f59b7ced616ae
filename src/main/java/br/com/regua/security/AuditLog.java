package br.com.regua.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The append-only audit log: who did what, when, from where. Régua inserts and reads; nothing
 * updates or deletes (on PostgreSQL the database refuses it).
 */
@Service
public class AuditLog {

    /** At most this many events are read at once. */
    public static final int MAX_PAGE = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One event as stored. */
    public record Event(long id, OffsetDateTime at, String actor, String origin, String action, Integer status, String detail) {
    }

    /** What to read: every criterion is optional; {@code what} matches part of the action. */
    public record Query(String who, String what, OffsetDateTime from, OffsetDateTime to, int limit) {
    }

    public void record(String actor, String origin, String action, Integer status, String detail) {
        jdbc.sql("insert into audit_event (at, actor, origin, action, status, detail) values (?, ?, ?, ?, ?, ?)")
                .params(OffsetDateTime.now(clock), cut(actor, 200), cut(origin, 100), cut(action, 300), status, cut(detail, 1000))
                .update();
    }

    /** Newest first. */
    public List<Event> read(Query query) {
        StringBuilder sql = new StringBuilder("select id, at, actor, origin, action, status, detail from audit_event where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.who() != null) {
            sql.append(" and actor = ?");
            params.add(query.who());
        }
        if (query.what() != null) {
            sql.append(" and lower(action) like ?");
            params.add("%" + query.what().toLowerCase().replace("%", "").replace("_", "") + "%");
        }
        if (query.from() != null) {
            sql.append(" and at >= ?");
            params.add(query.from());
        }
        if (query.to() != null) {
            sql.append(" and at < ?");
            params.add(query.to());
        }
        sql.append(" order by id desc fetch first ").append(Math.max(1, Math.min(query.limit(), MAX_PAGE))).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Event(rs.getLong("id"),
                rs.getObject("at", OffsetDateTime.class), rs.getString("actor"), rs.getString("origin"), rs.getString("action"),
                (Integer) rs.getObject("status"), rs.getString("detail"))).list();
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        // a line break in what a caller sent must not forge a line wherever the log is printed
        String clean = s.replaceAll("[\\p{Cntrl}]", "?");
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
