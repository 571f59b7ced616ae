package br.com.regua.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Camunda's tables and Régua's tuning of them, as database migrations rather than start-up code:
 * a new database gets Camunda's own create scripts (the engine's schema update is off outside the
 * embedded default), and the job table gets the indexes the due-date acquisition walks.
 */
public final class CamundaSchema {

    /** Camunda's components, in the order its own schema creation runs them. */
    static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine", "case.history",
            "decision.engine", "decision.history");

    private CamundaSchema() {
    }

    /** Creates Camunda's tables when the database has none (a new database); an existing one is left as it is. */
    public static void createWhenMissing(Connection connection) throws SQLException, IOException {
        if (tableExists(connection, "ACT_RU_JOB")) {
            return;
        }
        String database = database(connection);
        for (String component : COMPONENTS) {
            String script = "org/camunda/bpm/engine/db/create/activiti." + database + ".create." + component + ".sql";
            try (InputStream in = CamundaSchema.class.getClassLoader().getResourceAsStream(script)) {
                if (in == null) {
                    throw new IllegalStateException("Camunda has no create script " + script);
                }
                run(connection, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * The job executor acquires due jobs oldest first through an index on the due date, and finds
     * the jobs other threads hold through one on the lock owner; a job made before due dates were
     * ensured is given its creation time, or the due-date query would never find it.
     */
    public static int tuneJobTable(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("create index if not exists regua_idx_job_duedate on ACT_RU_JOB (DUEDATE_)");
            sql.execute("create index if not exists regua_idx_job_lock_owner on ACT_RU_JOB (LOCK_OWNER_)");
            return sql.executeUpdate("update ACT_RU_JOB set DUEDATE_ = coalesce(CREATE_TIME_, current_timestamp) where DUEDATE_ is null");
        }
    }

    private static String database(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return "postgres";
        }
        if (product.contains("h2")) {
            return "h2";
        }
        throw new IllegalStateException("Régua runs on PostgreSQL or H2, not on " + product);
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
            try (ResultSet rs = connection.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Runs a script as Camunda does: statements end with a semicolon at the end of a line; "--" lines are comments. */
    private static void run(Connection connection, String script) throws SQLException {
        StringBuilder statement = new StringBuilder();
        try (Statement sql = connection.createStatement()) {
            for (String line : script.split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                    continue;
                }
                statement.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    String text = statement.toString().strip();
                    sql.execute(text.substring(0, text.length() - 1));
                    statement.setLength(0);
                }
            }
        }
    }
}
