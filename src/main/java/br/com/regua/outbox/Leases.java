package br.com.regua.outbox;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Claims a row of an outbox table with one conditional UPDATE: it succeeds only while the row is
 * claimable and nobody holds a live lease on it, so of two workers (two threads, two nodes) only one
 * gets it, on PostgreSQL as on H2. The winner's random token goes into {@code claim_token}; every
 * outcome it records afterwards is conditioned on that token, so a worker whose lease ran out cannot
 * overwrite the next holder's. The table needs {@code id}, {@code claim_token}, {@code lease_until}
 * and {@code updated_at}.
 */
public final class Leases {

    /** No live lease on the row (with {@code :now} bound). */
    public static final String FREE = "(lease_until is null or lease_until <= :now)";

    private Leases() {
    }

    /**
     * Takes row {@code id} of {@code table} until {@code leaseUntil} when {@code claimable} (a condition
     * that may use {@code :now} and should include {@link #FREE}) holds; the token, or empty when
     * another worker has it or it is no longer due.
     */
    public static Optional<String> claim(JdbcClient jdbc, String table, String claimable, long id, OffsetDateTime now,
                                         OffsetDateTime leaseUntil) {
        String token = UUID.randomUUID().toString();
        int rows = jdbc.sql("update " + table + " set claim_token = :token, lease_until = :lease, updated_at = :now where id = :id and ("
                        + claimable + ")")
                .param("token", token).param("lease", leaseUntil).param("now", now).param("id", id).update();
        return rows == 1 ? Optional.of(token) : Optional.empty();
    }

    /**
     * Takes those of rows {@code ids} for which {@code claimable} holds, in one statement and under one
     * token: one commit for a handful of rows instead of one each. The token, or empty when none was taken.
     */
    public static Optional<String> claimAll(JdbcClient jdbc, String table, String claimable, Collection<Long> ids, OffsetDateTime now,
                                            OffsetDateTime leaseUntil) {
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        String token = UUID.randomUUID().toString();
        int rows = jdbc.sql("update " + table + " set claim_token = :token, lease_until = :lease, updated_at = :now where id in (:ids) and ("
                        + claimable + ")")
                .param("token", token).param("lease", leaseUntil).param("now", now).param("ids", ids).update();
        return rows > 0 ? Optional.of(token) : Optional.empty();
    }

    /** An error text cut to what an outbox keeps (500 characters). */
    public static String clip(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }
}
