package br.com.regua.transactions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows of append-only tables (the timeline, the decision records) written in one batch per
 * statement just before the transaction commits, instead of one round trip each: an intake chunk
 * classifies a hundred cases in one transaction, each with a decision and a timeline entry. They
 * commit with the transaction or not at all, like any other write. A feature that reads back a
 * table it writes this way within the same transaction calls {@link #flush()} first. Outside a
 * transaction, rows are written at once.
 */
@Component
public class WriteBehind {

    private final JdbcTemplate jdbc;

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

    /** Writes the rows waiting in this transaction now. */
    public void flush() {
        if (TransactionSynchronizationManager.getResource(this) instanceof Map<?, ?> pending) {
            write(pending);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<Object[]>> pending() {
        Map<String, List<Object[]>> pending = (Map<String, List<Object[]>>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Map<String, List<Object[]>> rows = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(this, rows);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    write(rows);
                }

                // a transaction of its own started inside this one must not take these rows, nor leave its own here
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(WriteBehind.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(WriteBehind.this, rows);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(WriteBehind.this);
                }
            });
            pending = rows;
        }
        return pending;
    }

    private void write(Map<?, ?> pending) {
        for (Map.Entry<?, ?> statement : pending.entrySet()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = (List<Object[]>) statement.getValue();
            if (!rows.isEmpty()) {
                jdbc.batchUpdate((String) statement.getKey(), rows);
                rows.clear();
            }
        }
    }
}
