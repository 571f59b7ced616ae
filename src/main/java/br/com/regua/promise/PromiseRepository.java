package br.com.regua.promise;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Promises to pay in Régua's own table, and what was paid toward them. */
@Repository
class PromiseRepository {

    private final JdbcClient jdbc;

    PromiseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Promise(String id, long receivableId, BigDecimal amount, LocalDate promisedOn, int toleranceDays, BigDecimal toleranceAmount,
                   PromiseStatus status, String policyVersion, String madeBy, OffsetDateTime madeAt, OffsetDateTime endedAt) {

        /** The last day a payment keeps the promise. */
        LocalDate keptBy() {
            return promisedOn.plusDays(toleranceDays);
        }

        /** What the payments must reach: the promised amount less the tolerance, never below a cent. */
        BigDecimal enough() {
            return amount.subtract(toleranceAmount).max(new BigDecimal("0.01"));
        }
    }

    void insert(Promise p) {
        jdbc.sql("""
                insert into promise (id, receivable_id, amount, promised_on, tolerance_days, tolerance_amount, status, policy_version,
                                     made_by, made_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.receivableId(), p.amount(), p.promisedOn(), p.toleranceDays(), p.toleranceAmount(), p.status().name(),
                        p.policyVersion(), p.madeBy(), p.madeAt())
                .update();
    }

    Optional<Promise> find(String id) {
        return jdbc.sql("select * from promise where id = ?").param(id).query(PromiseRepository::promise).optional();
    }

    /** Locks the promise until the transaction ends: a payment and the end of its tolerance judge it one at a time. */
    Optional<Promise> lock(String id) {
        return jdbc.sql("select * from promise where id = ? for update").param(id).query(PromiseRepository::promise).optional();
    }

    List<Promise> forReceivable(long receivableId) {
        return jdbc.sql("select * from promise where receivable_id = ? order by made_at, id").param(receivableId)
                .query(PromiseRepository::promise).list();
    }

    Optional<Promise> openFor(long receivableId) {
        return jdbc.sql("select * from promise where receivable_id = ? and status = 'OPEN'").param(receivableId)
                .query(PromiseRepository::promise).optional();
    }

    /** Paid on the receivable from {@code from} (inclusive) to {@code until} (exclusive). */
    BigDecimal paidBetween(long receivableId, OffsetDateTime from, OffsetDateTime until) {
        BigDecimal paid = jdbc.sql("select coalesce(sum(amount), 0) from payment where receivable_id = ? and paid_at >= ? and paid_at < ?")
                .params(receivableId, from, until).query(BigDecimal.class).single();
        return paid.setScale(2);
    }

    void end(String id, PromiseStatus status, OffsetDateTime at) {
        jdbc.sql("update promise set status = ?, ended_at = ? where id = ?").params(status.name(), at, id).update();
    }

    private static Promise promise(ResultSet rs, int row) throws SQLException {
        return new Promise(rs.getString("id"), rs.getLong("receivable_id"), rs.getBigDecimal("amount"),
                rs.getObject("promised_on", LocalDate.class), rs.getInt("tolerance_days"), rs.getBigDecimal("tolerance_amount"),
                PromiseStatus.valueOf(rs.getString("status")), rs.getString("policy_version"), rs.getString("made_by"),
                rs.getObject("made_at", OffsetDateTime.class), rs.getObject("ended_at", OffsetDateTime.class));
    }
}
