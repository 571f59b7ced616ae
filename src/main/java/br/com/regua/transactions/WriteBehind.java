package br.com.regua.transactions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows of append-only tables (the timeline, the decision records) written in one batch per
 * statement just before the transaction commits, instead of one round trip each: an intake chunk
 * classifies a hundred cases in one transaction, each with a decision and a timeline entry. They
 * commit with the transaction or not at all, like any other write. A feature that reads back a
 * table it writes this way within the same transaction calls {@link #flush()} first. Outside a
 * transaction, rows are written at once.
 *
 * <p>On PostgreSQL the statements that have one row each (a schedule step's decision, timeline
 * entry and debtor's link) go together as one prepared statement of several, which the driver sends
 * in one round trip; the others go one batch per statement. H2 runs one statement at a time.
 */
@Component
public class WriteBehind {

    private final JdbcTemplate jdbc;
    /** Whether one prepared statement may hold several; null until the first write asks the database. */
    private volatile Boolean severalInOne;

    public WriteBehind(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a row with {@code sql} before the transaction commits. */
    public void insert(String sql, Object... args) {
        if (!TransactionSynchronizationManager.isActualTransactionActive() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            jdbc.update(sql, args);
            return;
        }
        pending().computeIfAbsent(sql, s -> new ArrayList<>()).add(args);
    }

    /** Whether rows of this transaction wait to be written. */
    public boolean waiting() {
        return TransactionSynchronizationManager.getResource(this) instanceof Map<?, ?> pending
                && pending.values().stream().anyMatch(rows -> !((List<?>) rows).isEmpty());
    }

    /** Writes the rows waiting in this transaction now. */
    public void flush() {
        if (TransactionSynchronizationManager.getResource(this) instanceof Map<?, ?> pending) {
            write(pending);
        }
    }

    private Map<String, List<Object[]>> pending() {
        // a transaction of its own started inside this one must not take these rows, nor leave its own here
        return TransactionBound.get(this, LinkedHashMap::new, this::write);
    }

    private void write(Map<?, ?> pending) {
        StringBuilder together = new StringBuilder();
        List<Object> togetherArgs = new ArrayList<>();
        for (Map.Entry<?, ?> statement : pending.entrySet()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = (List<Object[]>) statement.getValue();
            if (rows.size() == 1 && severalInOne()) {
                together.append(together.isEmpty() ? "" : ";\n").append((String) statement.getKey());
                togetherArgs.addAll(Arrays.asList(rows.get(0)));
            } else if (!rows.isEmpty()) {
                // in the order they were first asked for, should a later table refer to an earlier one
                writeTogether(together, togetherArgs);
                jdbc.batchUpdate((String) statement.getKey(), rows);
            }
            rows.clear();
        }
        writeTogether(together, togetherArgs);
    }

    /** The driver raises the first of the statements that fails, whichever it is. */
    private void writeTogether(StringBuilder sql, List<Object> args) {
        if (!sql.isEmpty()) {
            jdbc.update(sql.toString(), args.toArray());
            sql.setLength(0);
            args.clear();
        }
    }

    private boolean severalInOne() {
        Boolean known = severalInOne;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>) c -> c.getMetaData().getDatabaseProductName()
                    .toLowerCase(Locale.ROOT).contains("postgresql"));
            severalInOne = known;
        }
        return known;
    }
}
