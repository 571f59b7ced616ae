package br.com.regua.bench;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import br.com.regua.policy.CaseFacts;
import br.com.regua.policy.CompiledPolicy;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.policy.StageCatalog;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.schedule.CaseSnapshots;
import br.com.regua.schedule.NextStepPlanner;
import br.com.regua.schedule.PolicyWhatIf;
import br.com.regua.settings.ReguaProperties;
import br.com.regua.support.ProcessStages;

/**
 * What-if on a large portfolio: a policy edit simulated against 100,000 open cases in PostgreSQL.
 * Baseline in the same run: the same decisions (active and candidate policy, next step) on facts
 * already in memory, i.e. the rules' own cost without reading the portfolio.
 */
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=false",
        "regua.policy.reload-interval=PT1H",
        "logging.level.root=WARN",
        "spring.main.banner-mode=off"})
@ActiveProfiles("simulation")
class WhatIfBenchmark {

    static final int CASES = Integer.getInteger("bench.cases", 100_000);
    static final int RECEIVABLES_PER_CUSTOMER = 4;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        BenchDatabase.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PolicyWhatIf whatIf;
    @Autowired
    PolicyEngine engine;
    @Autowired
    ReceivableRepository receivables;
    @Autowired
    CaseSnapshots snapshots;
    @Autowired
    Clock clock;
    @Autowired
    ReguaProperties properties;

    @Test
    void simulateAPolicyEditOnTheOpenPortfolio() {
        long seedStart = System.nanoTime();
        PortfolioSeed.seed(jdbc, CASES, RECEIVABLES_PER_CUSTOMER, LocalDate.now(clock), new Random(42));
        double seedSeconds = seconds(seedStart);
        jdbc.execute("analyze");

        Map<String, String> files = new HashMap<>(engine.active().files());
        files.put("grace.drl", files.get("grace.drl").replace("insert(new GracePeriod(2));", "insert(new GracePeriod(4));"));
        CompiledPolicy candidate = CompiledPolicy.compile(files);

        List<Object[]> inMemory = loadAll();
        baseline(inMemory, candidate); // warm-up: JIT and Drools' lazy rule compilation
        long baselineStart = System.nanoTime();
        int moved = baseline(inMemory, candidate);
        double baselineSeconds = seconds(baselineStart);
        inMemory = null;

        whatIf.simulate(candidate, 50); // warm-up of the database path
        long start = System.nanoTime();
        PolicyWhatIf.Report report = whatIf.simulate(candidate, 50);
        double whatIfSeconds = seconds(start);

        if (report.evaluated() != CASES) {
            throw new AssertionError("evaluated " + report.evaluated() + " of " + CASES + " open cases");
        }
        new BenchResults("What-if: a policy edit against " + CASES + " open cases",
                "./mvnw -Pbench test -Dtest=WhatIfBenchmark" + (CASES == 100_000 ? "" : " -Dbench.cases=" + CASES))
                .figure("open cases evaluated", String.valueOf(report.evaluated()), String.valueOf(CASES))
                .figure("cases the edit moves (regular customers: 2 → 4 days of grace)",
                        report.changed() + " (next stage " + report.nextStageChanged() + ", next contact date "
                                + report.nextContactDateChanged() + ")", "baseline counted " + moved)
                .figure("what-if time (PostgreSQL, paged reads, 2 decisions per case, pages decided on every core)", String.format("%.1f s", whatIfSeconds),
                        "aim < 30 s")
                .figure("what-if rate", String.format("%.0f cases/s", CASES / whatIfSeconds), "")
                .figure("baseline: same decisions on facts in memory, on every core", String.format("%.1f s (%.0f cases/s)", baselineSeconds,
                        CASES / baselineSeconds), String.format("what-if / baseline = %.2f×", whatIfSeconds / baselineSeconds))
                .figure("seeding the portfolio (JDBC batch inserts)", String.format("%.1f s", seedSeconds), "")
                .note("The what-if walks open receivables by id, 1,000 per page, and keeps only counters and the first 50"
                        + " changed cases, so its memory does not grow with the portfolio.")
                .record(jdbc.queryForObject("show server_version", String.class));
    }

    /** Every open case's facts and receivable, read before timing the baseline. */
    private List<Object[]> loadAll() {
        List<Object[]> all = new ArrayList<>(CASES);
        LocalDate today = LocalDate.now(clock);
        long after = 0;
        List<Receivable> page;
        do {
            page = receivables.openAfter(after, 1000);
            Map<Long, Customer> customers = receivables.customers(page.stream().map(Receivable::customerId).distinct().toList());
            for (Receivable r : page) {
                all.add(new Object[] {r, snapshots.of(r, customers.get(r.customerId()), today)});
                after = r.id();
            }
        } while (page.size() == 1000);
        return all;
    }

    private static final StageCatalog STAGES = ProcessStages.collection();

    /** The same work as the what-if without the database: both policies decide, the next step is planned. */
    private int baseline(List<Object[]> cases, CompiledPolicy candidate) {
        PolicyEngine before = new PolicyEngine(engine.active());
        PolicyEngine after = new PolicyEngine(candidate);
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(properties.timeZone()));
        // on every core, as the what-if decides a page
        return (int) cases.parallelStream().filter(c -> {
            Receivable r = (Receivable) c[0];
            CaseFacts facts = (CaseFacts) c[1];
            var a = NextStepPlanner.next(before.evaluate(facts), STAGES, r.stage(), r.lastStepDay(), r.dueDate(), r.pausedDays(), now);
            var b = NextStepPlanner.next(after.evaluate(facts), STAGES, r.stage(), r.lastStepDay(), r.dueDate(), r.pausedDays(), now);
            return !a.map(s -> s.stage() + "" + s.at().toLocalDate()).equals(b.map(s -> s.stage() + "" + s.at().toLocalDate()));
        }).count();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
