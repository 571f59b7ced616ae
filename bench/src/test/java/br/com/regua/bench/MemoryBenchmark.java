package br.com.regua.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import br.com.regua.policy.CompiledPolicy;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.schedule.PolicyWhatIf;

/**
 * Heap after a full GC as the open portfolio grows to 10,000, 100,000 and 1,000,000 cases in
 * PostgreSQL, with the job executor polling and a what-if pass over every open case at each step.
 * Each case is an open receivable (seeded straight into Régua's tables) and a process instance
 * waiting at a timer. Baseline: the heap of the same server with no case at all.
 */
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=true",
        "regua.policy.reload-interval=PT1H",
        "logging.level.root=WARN",
        "spring.main.banner-mode=off"})
@ActiveProfiles("simulation")
class MemoryBenchmark {

    // -Dbench.memory.max=N for a smaller run (a tenth of it, then all of it)
    static final int MAX = Integer.getInteger("bench.memory.max", 1_000_000);
    static final int[] SIZES = MAX > 100_000 ? new int[] {10_000, 100_000, MAX} : new int[] {MAX / 10, MAX};

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        BenchDatabase.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    PolicyWhatIf whatIf;
    @Autowired
    PolicyEngine policy;
    @Autowired
    Clock clock;

    @Test
    void heapStaysFlatAsOpenCasesGrow() throws Exception {
        ScheduledExecutorService vacuum = BenchDatabase.vacuumWhileLoading(jdbc);
        repository.createDeployment().addModelInstance("bare.bpmn", ScheduleBenchmark.bareProcess()).deploy();
        Map<String, String> files = new HashMap<>(policy.active().files());
        files.put("grace.drl", files.get("grace.drl").replace("insert(new GracePeriod(2));", "insert(new GracePeriod(4));"));
        CompiledPolicy candidate = CompiledPolicy.compile(files);
        whatIf.simulate(candidate, 50);
        long empty = heapAfterGc();

        BenchResults results = new BenchResults("Memory: heap after GC as open cases grow",
                "./mvnw -Pbench test -Dtest=MemoryBenchmark" + (MAX == 1_000_000 ? "" : " -Dbench.memory.max=" + MAX))
                .figure("no open case", mib(empty), "baseline");
        int have = 0;
        List<String> lines = new ArrayList<>();
        for (int size : SIZES) {
            long start = System.nanoTime();
            addCases(have, size - have);
            have = size;
            double seeding = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            PolicyWhatIf.Report report = whatIf.simulate(candidate, 50);
            double pass = (System.nanoTime() - start) / 1e9;
            long heap = heapAfterGc();
            results.figure(String.format("%,d open cases", size), mib(heap), size == 1_000_000 ? "aim < 512 MiB, flat" : "flat");
            lines.add(String.format("%,d cases: seeded in %.0f s; what-if pass over %,d cases in %.1f s", size, seeding,
                    report.evaluated(), pass));
        }
        vacuum.shutdownNow();
        results.note("Heap used after System.gc(), read from the MemoryMXBean, in the server's own JVM (-Xmx1g). "
                + String.join("; ", lines) + ".")
                .record(jdbc.queryForObject("show server_version", String.class));
    }

    /** Receivables straight into Régua's tables, and as many bare process instances waiting at a far timer. */
    private void addCases(int from, int count) {
        PortfolioSeed.seedFrom(jdbc, from, count, 4, LocalDate.now(clock), new Random(from));
        Date far = Date.from(clock.instant().plusSeconds(3600L * 24 * 365 * 3));
        for (int done = 0; done < count; done += 100) {
            int base = from + done;
            int n = Math.min(100, count - done);
            // 100 starts in one engine command: one flush, as a bulk loader would do
            engine.getCommandExecutorTxRequired().execute(context -> {
                for (int i = 0; i < n; i++) {
                    runtime.startProcessInstanceByKey("bare", "case-" + (base + i), ScheduleBenchmark.bareVariables(base + i, far));
                }
                return null;
            });
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String mib(long bytes) {
        return String.format("%.0f MiB", bytes / 1024.0 / 1024.0);
    }
}
