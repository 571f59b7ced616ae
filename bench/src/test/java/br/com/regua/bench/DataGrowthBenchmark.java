package br.com.regua.bench;

import java.time.OffsetDateTime;
import java.util.Map;

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
 * Bytes per case in each of Régua's tables (and Camunda's) after cases walk the whole schedule,
 * from the pre-due reminder to the legal team, with every message recorded; then the same after the
 * debts are paid and the retention period has passed and the purge has run. Sizes are PostgreSQL's
 * own ({@code pg_total_relation_size}: rows, TOAST and indexes) after {@code vacuum full}.
 */
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=false",
        "regua.policy.reload-interval=PT1H",
        "regua.retention.purge=-",
        "logging.level.root=WARN",
        "spring.main.banner-mode=off"})
@ActiveProfiles("simulation")
class DataGrowthBenchmark {

    static final int CASES = Integer.getInteger("bench.cases", 2_000);

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
    void bytesPerCaseAfterTheWholeScheduleAndAfterRetention() {
        WalkedCases.register(receivables, clock, "growth", CASES);
        long start = System.nanoTime();
        SimulationService.Advance walk = WalkedCases.walk(simulation);
        double walkSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> walked = sizes();
        long stages = jdbc.queryForObject("select count(*) from case_event", Long.class);
        long contacts = jdbc.queryForObject("select count(*) from contact", Long.class);

        // every debt paid in October; five years and a day later the purge runs
        WalkedCases.payAll(payments, simulation, clock, "growth", CASES);
        Map<String, Long> paid = sizes();
        clock.moveTo(OffsetDateTime.parse("2031-10-03T10:00:00-03:00").toInstant());
        start = System.nanoTime();
        RetentionService.Purge purge = retention.purge();
        double purgeSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> purged = sizes();

        BenchResults results = new BenchResults("Data growth: bytes per case, and after retention",
                "./mvnw -Pbench test -Dtest=DataGrowthBenchmark" + (CASES == 2_000 ? "" : " -Dbench.cases=" + CASES));
        long walkedTotal = 0;
        long paidTotal = 0;
        long purgedTotal = 0;
        for (String table : walked.keySet()) {
            long w = walked.get(table);
            long p = paid.getOrDefault(table, 0L);
            long g = purged.getOrDefault(table, 0L);
            walkedTotal += w;
            paidTotal += p;
            purgedTotal += g;
            if (w / CASES >= 100 || p / CASES >= 100) {
                results.figure(table, String.format("%,d → %,d → %,d B/case", w / CASES, p / CASES, g / CASES),
                        "walked → paid → purged");
            }
        }
        results.figure("all of Régua's and Camunda's tables", String.format("%,d → %,d → %,d B/case", walkedTotal / CASES,
                        paidTotal / CASES, purgedTotal / CASES), "walked → paid → purged")
                .figure("at 1,000,000 cases (the figures above × 10⁶)", String.format("%,.1f → %,.1f → %,.1f GB", walkedTotal / 1000.0 / CASES,
                        paidTotal / 1000.0 / CASES, purgedTotal / 1000.0 / CASES), "an estimate, not a run at that size")
                .note(String.format("%,d cases walked the whole schedule by the simulation (%,d jobs in %.0f s, %,d stages reached, %,d "
                                + "messages recorded; no channel configured, so messages stay queued with their text), then were paid; "
                                + "five years later the purge took %,d debts in %.1f s (%,d messages, %,d decision records, %,d "
                                + "timeline entries). Camunda's history is cleaned by its own job 180 days after a case ends (not run "
                                + "here). Tables under 100 B/case are left out of the list but counted in the total.",
                        CASES, walk.jobsRun(), walkSeconds, stages, contacts, purge.receivables(), purgeSeconds, purge.contacts(),
                        purge.decisions(), purge.events()))
                .record(jdbc.queryForObject("show server_version", String.class));
    }

    /** Each table's size with its TOAST and indexes, after a full vacuum, by name. */
    private Map<String, Long> sizes() {
        jdbc.execute("vacuum full analyze");
        Map<String, Long> sizes = new java.util.TreeMap<>();
        jdbc.query("""
                select c.relname, pg_total_relation_size(c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relkind = 'r' and n.nspname = current_schema()""",
                rs -> {
                    sizes.put(rs.getString(1), rs.getLong(2));
                });
        return sizes;
    }
}
