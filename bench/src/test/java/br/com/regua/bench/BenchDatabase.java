package br.com.regua.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL database benchmarks run against, made afresh for each benchmark class.
 * REGUA_BENCH_PG (host:port, default 127.0.0.1:5432) and REGUA_BENCH_PG_USER (default postgres)
 * say where; the user must be allowed to create databases.
 */
final class BenchDatabase {

    static final String HOST = env("REGUA_BENCH_PG", "127.0.0.1:5432");
    static final String USER = env("REGUA_BENCH_PG_USER", "postgres");
    static final String PASSWORD = env("REGUA_BENCH_PG_PASSWORD", "");
    /**
     * -Dbench.db=NAME (or REGUA_BENCH_DB) names another database, so two checkouts sharing one
     * PostgreSQL can run benchmarks at once.
     */
    static final String NAME = System.getProperty("bench.db", env("REGUA_BENCH_DB", "regua_bench"));
    /** PostgreSQL has no demo accounts: the benchmarks' server makes this administrator, and calls the API as it. */
    static final String ADMIN_PASSWORD = "benchmark-admin-password";

    private BenchDatabase() {
    }

    /** A fresh benchmark database as the server's datasource. */
    static void register(DynamicPropertyRegistry registry) {
        String url = fresh();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        registry.add("regua.security.admin.password", () -> ADMIN_PASSWORD);
        registry.add("regua.agreements.offer-secret", () -> "benchmark-offer-secret");
        registry.add("regua.creditor.name", () -> "Escola Aurora Ltda");
        registry.add("regua.creditor.document", () -> "11.222.333/0001-81");
        registry.add("regua.creditor.address", () -> "Rua das Flores, 100, Campinas - SP");
    }

    /** The HTTP Basic header of the administrator above. */
    static String adminAuthorization() {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Drops and creates the benchmark database; returns its JDBC URL. */
    static String fresh() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + NAME + " with (force)");
            s.execute("create database " + NAME);
        } catch (SQLException e) {
            throw new IllegalStateException("benchmarks need PostgreSQL at " + HOST + " (user " + USER + "): " + e.getMessage(), e);
        }
        // batched inserts become multi-row inserts: seeding a portfolio takes seconds, not minutes
        return "jdbc:postgresql://" + HOST + "/" + NAME + "?reWriteBatchedInserts=true";
    }

    /**
     * Does what autovacuum would do, with its default settings, while a benchmark loads the database:
     * the PostgreSQL benchmarks were first run on has autovacuum off, and without statistics the
     * planner chose plans that scanned whole tables, and without vacuum the tables whose rows are
     * updated and deleted at every step fill with dead rows every query must step over (see
     * bench/README.md). Every 10 seconds it vacuums each table whose dead rows, or rows inserted since
     * its last vacuum, passed autovacuum's thresholds, and analyzes each whose changed rows did.
     * Triggered by the work done, as autovacuum is, the upkeep of each phase follows its own rows: a
     * fixed period would charge the slower of two phases for more of it. Does nothing when the server
     * runs autovacuum itself. Returns the task to stop.
     */
    static ScheduledExecutorService vacuumWhileLoading(JdbcTemplate jdbc) {
        ScheduledExecutorService vacuum = Executors.newSingleThreadScheduledExecutor();
        if (!"on".equals(jdbc.queryForObject("show autovacuum", String.class))) {
            vacuum.scheduleWithFixedDelay(() -> {
                try {
                    autovacuum(jdbc);
                } catch (RuntimeException e) {
                    // a look that failed (a table dropped meanwhile) must not end the looks to come
                    System.err.println("benchmark vacuum: " + e.getMessage());
                }
            }, 10, 10, TimeUnit.SECONDS);
        }
        return vacuum;
    }

    /** One look of autovacuum at the database: its default thresholds (PostgreSQL 13 and later), rows counted by the statistics. */
    private static void autovacuum(JdbcTemplate jdbc) {
        jdbc.queryForList("""
                select quote_ident(s.schemaname) || '.' || quote_ident(s.relname) as name,
                       s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0)
                           or s.n_ins_since_vacuum > 1000 + 0.2 * greatest(c.reltuples, 0) as vacuum,
                       s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0) as analyze
                from pg_stat_user_tables s join pg_class c on c.oid = s.relid""").forEach(table -> {
            if ((Boolean) table.get("vacuum")) {
                jdbc.execute(((Boolean) table.get("analyze") ? "vacuum (analyze) " : "vacuum ") + table.get("name"));
            } else if ((Boolean) table.get("analyze")) {
                jdbc.execute("analyze " + table.get("name"));
            }
        });
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
