package br.com.regua.bench;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import br.com.regua.payment.PaymentService;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.retention.RetentionService;
import br.com.regua.schedule.SimulationClock;
import br.com.regua.schedule.SimulationService;

/**
 * Retention at 1,000,000 closed cases. A few cases walk the whole schedule for real (every message,
 * decision and timeline entry Régua writes) and are paid; their rows are then copied by SQL, each
 * copy's dates moved on, until Régua's tables hold 1,000,000 such cases closed one after
 * another over six years. Then the purge runs as it does in production, on the day the oldest day's
 * debts pass five years, and again after a year in which it never ran (a year's backlog).
 */
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=false",
        "regua.policy.reload-interval=PT1H",
        "regua.retention.purge=-",
        "logging.level.root=WARN",
        "spring.main.banner-mode=off"})
@ActiveProfiles("simulation")
class RetentionBenchmark {

    static final int CASES = Integer.getInteger("bench.cases", 1_000_000);
    /** Cases walked for real, whose rows every copy repeats. */
    static final int TEMPLATES = 20;
    /** The copies' closing days: six years, so the purge on the day after five finds one day's debts. */
    static final int DAYS = 6 * 365;
    static final int COPIES_PER_TRANSACTION = 1_000;
    /** Régua's tables that hold a case's rows, by the column naming the case, and the columns that must stay unique. */
    static final Map<String, String> CASE_TABLES = Map.of("contact", "receivable_id", "decision_record", "receivable_id",
            "case_event", "receivable_id", "payment", "receivable_id", "portal_link", "customer_id");
    static final Set<String> UNIQUE_TEXT = Set.of("external_id", "idempotency_key");
    static final List<String> MEASURED = List.of("receivable", "customer", "payment", "contact", "decision_record", "case_event",
            "portal_link");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        BenchDatabase.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReceivableService receivables;
    @Autowired
    PaymentService payments;
    @Autowired
    SimulationService simulation;
    @Autowired
    SimulationClock clock;
    @Autowired
    RetentionService retention;

    @Test
    void purgeAtAMillionClosedCases() {
        walkTheTemplates();
        // the templates closed on 1 October 2026 and the copies after them, evenly over six years: an hour after the
        // templates closed, five years on, that first day's debts pass the period
        OffsetDateTime closed = jdbc.queryForObject("select max(closed_at) from receivable", OffsetDateTime.class);
        long seedStart = System.nanoTime();
        copyTheTemplates();
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        // the daily purges before the measured one removed every link that had expired by then
        OffsetDateTime firstPurge = closed.plusYears(5).plusHours(1);
        int expiredLinks = jdbc.update("delete from portal_link where expires_at < ?", firstPurge.minusDays(1));
        jdbc.execute("vacuum analyze");
        Map<String, Long> before = sizes();
        Map<String, Long> rowsBefore = rows();

        clock.moveTo(firstPurge.toInstant());
        long start = System.nanoTime();
        RetentionService.Purge day = retention.purge();
        double daySeconds = (System.nanoTime() - start) / 1e9;

        clock.moveTo(closed.plusYears(6).plusHours(1).toInstant());
        start = System.nanoTime();
        RetentionService.Purge year = retention.purge();
        double yearSeconds = (System.nanoTime() - start) / 1e9;
        jdbc.execute("vacuum analyze");
        Map<String, Long> after = sizes();
        Map<String, Long> rowsAfter = rows();

        BenchResults results = new BenchResults("Retention at " + String.format("%,d", CASES) + " closed cases",
                "./mvnw -Pbench test -Dtest=RetentionBenchmark" + (CASES == 1_000_000 ? "" : " -Dbench.cases=" + CASES));
        long totalBefore = 0;
        for (String table : MEASURED) {
            totalBefore += before.get(table);
            results.figure(table, String.format("%,d rows, %,.2f GB (%,d B/case) → %,d rows", rowsBefore.get(table),
                    before.get(table) / 1e9, before.get(table) / CASES, rowsAfter.get(table)), "before → after both purges");
        }
        results.figure("Régua's tables at " + String.format("%,d", CASES) + " cases", String.format("%,.1f GB", totalBefore / 1e9),
                        "walked the whole schedule, then paid")
                .figure("seeding them (copies of " + TEMPLATES + " walked cases by SQL)", String.format("%.0f s", seedSeconds),
                        String.format("%,d debtors' links expired before the measured day, removed as the daily purges before it would have",
                                expiredLinks))
                .figure("the daily purge, the day the first day's debts pass five years", String.format("%,d debts in %.2f s (%,d messages, "
                                + "%,d decisions, %,d timeline entries, %,d links)", day.receivables(), daySeconds, day.contacts(),
                        day.decisions(), day.events(), day.portalLinks()), "a day's closures out of " + String.format("%,d", CASES))
                .figure("a year's backlog (the purge off for a year)", String.format("%,d debts in %.1f s: %,.0f debts/s (%,d messages, "
                                + "%,d decisions, %,d timeline entries, %,d links)", year.receivables(), yearSeconds,
                        year.receivables() / yearSeconds, year.contacts(), year.decisions(), year.events(), year.portalLinks()), "")
                .figure("disk after the purges and a plain vacuum", String.format("%,.1f GB", MEASURED.stream().mapToLong(after::get).sum() / 1e9),
                        "freed space is reused by new rows, not returned to the system")
                .record(jdbc.queryForObject("show server_version", String.class));
    }

    /** Cases walked through the whole schedule, to the legal team, then paid in full. */
    private void walkTheTemplates() {
        WalkedCases.register(receivables, clock, "tpl", TEMPLATES);
        WalkedCases.walk(simulation);
        WalkedCases.payAll(payments, simulation, clock, "tpl", TEMPLATES);
    }

    /**
     * Copies of the templates: copy g (1, 2, …) of template i gets receivable and customer id
     * {@code base + (g - 1) × TEMPLATES + i}, unique keys suffixed with g, and every date moved on so that the
     * copies close evenly over DAYS days.
     */
    private void copyTheTemplates() {
        jdbc.execute("create table tpl_map as select r.id as receivable_id, r.customer_id, row_number() over (order by r.id) as ix "
                + "from receivable r where r.external_id like 'tpl-%'");
        // the template rows are read from tables of their own: the tables copied into grow to millions of rows
        for (String table : List.of("customer", "receivable")) {
            jdbc.execute("create table tpl_" + table + " as select * from " + table + " where id in (select " + ("customer".equals(table)
                    ? "customer_id" : "receivable_id") + " from tpl_map)");
        }
        CASE_TABLES.forEach((table, key) -> jdbc.execute("create table tpl_" + table + " as select * from " + table + " where " + key
                + " in (select " + key + " from tpl_map)"));
        long base = jdbc.queryForObject("select greatest((select max(id) from receivable), (select max(id) from customer))", Long.class);
        int copies = CASES / TEMPLATES;
        String id = base + " + (g - 1) * " + TEMPLATES + " + m.ix";
        for (int from = 1; from <= copies; from += COPIES_PER_TRANSACTION) {
            int to = Math.min(copies, from + COPIES_PER_TRANSACTION - 1);
            String series = " cross join generate_series(" + from + ", " + to + ") g";
            jdbc.update(copy("customer", Map.of("id", id), "join tpl_map m on m.customer_id = t.id" + series));
            jdbc.update(copy("receivable", Map.of("id", id, "customer_id", id), "join tpl_map m on m.receivable_id = t.id" + series));
            CASE_TABLES.forEach((table, key) -> jdbc.update(copy(table, Map.of(key, id, "fallback_of", "null"),
                    "join tpl_map m on m." + key + " = t." + key + series)));
            if (to % 10_000 == 0) {
                System.out.printf("seeded %,d cases%n", (long) to * TEMPLATES);
            }
        }
        for (String table : MEASURED) {
            jdbc.queryForObject("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table + "))",
                    Long.class);
        }
        jdbc.execute("drop table tpl_map");
        for (String table : MEASURED) {
            jdbc.execute("drop table tpl_" + table);
        }
    }

    /** An insert of a table's rows from its template rows {@code t}, ids left to the sequence unless {@code set} gives them. */
    private String copy(String table, Map<String, String> set, String from) {
        // copies spread evenly over DAYS closing days, whatever their number
        String shift = "((g - 1) * " + DAYS + " / " + (CASES / TEMPLATES) + ")";
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        jdbc.query("select column_name, data_type from information_schema.columns where table_schema = current_schema() "
                + "and table_name = ? order by ordinal_position", rs -> {
                    String column = rs.getString(1);
                    String type = rs.getString(2);
                    if (column.equals("id") && !set.containsKey("id")) {
                        return;
                    }
                    columns.add(column);
                    if (set.containsKey(column)) {
                        values.add(set.get(column));
                    } else if (column.endsWith("_hash")) {
                        values.add("encode(sha256(convert_to(t." + column + " || '-' || g, 'UTF8')), 'hex')");
                    } else if (UNIQUE_TEXT.contains(column)) {
                        values.add("t." + column + " || '-' || g");
                    } else if (type.startsWith("timestamp")) {
                        values.add("t." + column + " + " + shift + " * interval '1 day'");
                    } else if (type.equals("date")) {
                        values.add("t." + column + " + " + shift);
                    } else {
                        values.add("t." + column);
                    }
                }, table);
        return "insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", values) + " from tpl_"
                + table + " t " + from;
    }

    private Map<String, Long> sizes() {
        Map<String, Long> sizes = new TreeMap<>();
        MEASURED.forEach(table -> sizes.put(table, jdbc.queryForObject("select pg_total_relation_size(?::regclass)", Long.class, table)));
        return sizes;
    }

    private Map<String, Long> rows() {
        Map<String, Long> rows = new TreeMap<>();
        MEASURED.forEach(table -> rows.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class)));
        return rows;
    }
}
