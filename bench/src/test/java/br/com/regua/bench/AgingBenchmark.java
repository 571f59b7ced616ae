package br.com.regua.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import br.com.regua.policy.ChargeRates;
import br.com.regua.policy.CompiledPolicy;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.receivable.Ledger;
import br.com.regua.report.AgingReport;
import br.com.regua.report.AgingReports;
import br.com.regua.support.ProcessStages;

/**
 * The aging report over 1,000,000 open receivables on PostgreSQL (-Dbench.cases=N for another
 * size): Régua's schema by its own migrations, the portfolio loaded straight by SQL (200,000
 * customers, a fifth of them businesses; due dates spread over 400 days; one receivable in seven
 * paid in part, with charges carried; 10% more rows already paid), statistics taken, then the
 * report as the API makes it, timed over several runs. Baselines in the same run: one plain pass
 * summing the open principal (the floor of any report that reads every open row), and the
 * obvious way, reading every open row into Java and asking its ledger.
 */
class AgingBenchmark {

    static final int CASES = Integer.getInteger("bench.cases", 1_000_000);
    static final int RUNS = 7;
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void agingOfAMillionOpenReceivables() throws Exception {
        String url = BenchDatabase.fresh();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, BenchDatabase.USER, BenchDatabase.PASSWORD);
        Flyway.configure().dataSource(dataSource).table("regua_schema_history")
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        long t0 = System.nanoTime();
        int customers = Math.max(1, CASES / 5);
        jdbc.update("insert into customer (external_id, name, document, customer_type, created_at)"
                + " select 'c' || g, 'Cliente ' || g, '52998224725', case when g % 5 = 0 then 'BUSINESS' else 'CONSUMER' end, now()"
                + " from generate_series(1, ?) g", customers);
        int paid = CASES / 10;
        jdbc.update("insert into receivable (external_id, customer_id, content_hash, principal, issue_date, due_date,"
                + " principal_outstanding, fine_carried, interest_carried, fine_charged, interest_from, status, stage, segment,"
                + " created_at, updated_at)"
                + " select 'r' || g, 1 + g % ?, 'h', p, d - 30, d,"
                + "  case when g > ? then 0 when g % 7 = 0 then p - round(p / 3, 2) else p end,"
                + "  case when g % 7 = 0 and g <= ? then 1.23 else 0 end, case when g % 7 = 0 and g <= ? then 0.45 else 0 end,"
                + "  g % 7 = 0 or g > ?, case when g % 7 = 0 then d + (g % 40) else d end,"
                + "  case when g > ? then 'PAID' when g % 50 = 0 then 'DISPUTED' else 'OPEN' end,"
                + "  (array['REGISTERED','PRE_DUE_REMINDER','DUE_DAY_NOTICE','FRIENDLY_REMINDER','RENEGOTIATION_OFFER',"
                + "         'FORMAL_NOTICE','BUREAU_PRIOR_NOTICE'])[1 + g % 7],"
                + "  (array['NEW_CUSTOMER','REGULAR','GOOD_PAYER','RISKY'])[1 + g % 4], now(), now()"
                + " from (select g, (50 + (g::bigint * 7919) % 500000 / 100.0)::numeric(15, 2) p,"
                + "              cast(? as date) - ((g::bigint * 31) % 400)::int + 30 d from generate_series(1, ?) g) s",
                customers, CASES, CASES, CASES, CASES, CASES, TODAY, CASES + paid);
        jdbc.execute("vacuum analyze receivable");
        jdbc.execute("vacuum analyze customer");
        double loadSeconds = (System.nanoTime() - t0) / 1e9;

        Clock clock = Clock.fixed(TODAY.atStartOfDay(ZoneId.of("America/Sao_Paulo")).toInstant(), ZoneId.of("America/Sao_Paulo"));
        CompiledPolicy rules = CompiledPolicy.fromDirectory(Path.of("rules"));
        AgingReports sameRates = new AgingReports(jdbc, dataSource, new PolicyEngine(rules), ProcessStages.collection(), clock);
        Map<String, String> files = new HashMap<>(rules.files());
        // businesses pay 1.5% a month: the rates differ by customer type and the query must join the customer
        String table = files.get("compliance.drl.csv");
        String dearer = table.replace("Late charges of businesses,BUSINESS,,0.02,0.01,", "Late charges of businesses,BUSINESS,,0.02,0.015,");
        if (dearer.equals(table)) {
            throw new AssertionError("the businesses' row of the late charges table is not where the benchmark looks for it");
        }
        files.put("compliance.drl.csv", dearer);
        AgingReports byType = new AgingReports(jdbc, dataSource, new PolicyEngine(CompiledPolicy.compile(files)), ProcessStages.collection(), clock);

        AgingReport report = sameRates.today();
        double[] aging = time(sameRates::today);
        AgingReport joined = byType.today();
        double[] agingJoin = time(byType::today);
        double[] floor = time(() -> jdbc.queryForObject(
                "select sum(principal_outstanding) from receivable where status in ('OPEN', 'DISPUTED')", BigDecimal.class));
        long j0 = System.nanoTime();
        BigDecimal javaTotal = inJava(dataSource);
        double javaSeconds = (System.nanoTime() - j0) / 1e9;
        if (javaTotal.compareTo(report.total().total()) != 0) {
            throw new AssertionError("the report's total " + report.total().total() + " differs from the ledgers' " + javaTotal);
        }
        if (joined.total().total().compareTo(report.total().total()) <= 0) {
            throw new AssertionError("dearer interest for businesses did not raise the total");
        }

        new BenchResults("Aging report over " + String.format("%,d", report.total().count()) + " open receivables",
                "./mvnw -Pbench test -Dtest=AgingBenchmark")
                .figure("aging report (GET /api/reports/aging's work: policy buckets and rates, one query grouped by bucket, segment and stage)",
                        millis(aging), "aim < 1,000 ms")
                .figure("the same with rates that differ by customer type (the query joins the customer)", millis(agingJoin), "aim < 1,000 ms")
                .figure("baseline: one pass summing the open principal", millis(floor), "the floor of a report reading every open row")
                .figure("baseline: every open row read into Java and charged by its Ledger", String.format("%,.0f ms", javaSeconds * 1000),
                        "same total to the cent: " + javaTotal)
                .figure("rows in the table / open", String.format("%,d / %,d", CASES + paid, report.total().count()), "")
                .figure("loading the portfolio by SQL, with vacuum analyze", String.format("%.1f s", loadSeconds), "")
                .note("Load average when the runs ended (other work on the machine's 2 cores): " + loadAverage() + ". Median (min–max) of " + RUNS + " runs after one warm-up, on a fresh database with statistics. PostgreSQL scans the"
                        + " table in parallel (2 workers) and aggregates there: a few hundred rows come back.")
                .record(jdbc.queryForObject("show server_version", String.class));
    }

    private static String loadAverage() {
        try {
            return String.join(" / ", java.util.Arrays.asList(java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static double[] time(Runnable run) {
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            run.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static String millis(double[] sorted) {
        return String.format("%.0f ms (%.0f–%.0f)", sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }

    /** The obvious way: every open ledger into memory, charged one by one. */
    private static BigDecimal inJava(DriverManagerDataSource dataSource) throws Exception {
        ChargeRates rates = new ChargeRates(new BigDecimal("0.02"), new BigDecimal("0.01"), 30);
        BigDecimal total = BigDecimal.ZERO;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("select due_date, principal_outstanding, fine_carried, interest_carried,"
                    + " fine_charged, interest_from from receivable where status in ('OPEN', 'DISPUTED') and issue_date <= ?")) {
                s.setObject(1, TODAY);
                s.setFetchSize(10_000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Ledger l = new Ledger(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                                rs.getBoolean(5), rs.getObject(6, LocalDate.class));
                        total = total.add(l.chargesAsOf(TODAY, rates).total());
                    }
                }
            }
        }
        return total;
    }
}
