package br.com.regua.receivable;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A value of another feature's table that a step reads in the same query as the receivable it
 * locks ({@link ReceivableRepository#lockWithCustomer}): a correlated subquery over the receivable
 * (alias {@code r}) and its customer (alias {@code c}), and how to read its column. The feature that
 * owns the table writes both, so its SQL stays with it; the query saves the step a round trip each.
 *
 * @param sql a scalar subquery, e.g. {@code (select max(x) from t where t.receivable_id = r.id)}
 */
public record ReadAlong<T>(String sql, Reader<T> reader) {

    @FunctionalInterface
    public interface Reader<T> {

        T read(ResultSet rs, String column) throws SQLException;
    }

    /** The elements of an {@code array_agg} column; empty when the subquery found no row (null). */
    public static List<Object> array(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((Object[]) array.getArray());
    }

    /** An element of an array of timestamps with time zone, as the driver gives it (PostgreSQL: Timestamp; H2: OffsetDateTime). */
    public static OffsetDateTime instant(Object element) {
        if (element instanceof OffsetDateTime at) {
            return at;
        }
        if (element instanceof Timestamp at) {
            return at.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("not a timestamp with time zone: " + element);
    }
}
