package br.com.regua.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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
     * Does every 20 seconds what autovacuum would do while a benchmark loads the database: the
     * PostgreSQL benchmarks were first run on has autovacuum off, and without statistics the planner
     * chose plans that scanned whole tables, and without vacuum the tables whose rows are updated and
     * deleted at every step fill with dead rows every query must step over (see bench/README.md).
     * History tables only grow and are read by primary key during a run: they are left alone, as
     * autovacuum would mostly leave them. Returns the task to stop.
     */
    static ScheduledExecutorService vacuumWhileLoading(JdbcTemplate jdbc) {
        ScheduledExecutorService vacuum = Executors.newSingleThreadScheduledExecutor();
        vacuum.scheduleWithFixedDelay(() -> jdbc.execute("vacuum (analyze) " + String.join(", ", QUERIED_TABLES)), 20, 20, TimeUnit.SECONDS);
        return vacuum;
    }

    // the tables a step queries by more than a primary key, or updates and deletes rows of
    private static final List<String> QUERIED_TABLES = List.of("act_ru_job", "act_ru_execution", "act_ru_variable",
            "act_ru_event_subscr", "act_ru_task", "receivable", "customer", "contact", "decision_record", "case_event");

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
