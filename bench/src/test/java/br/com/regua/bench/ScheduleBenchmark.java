package br.com.regua.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import br.com.regua.schedule.SimulationClock;

/**
 * Intake and a schedule day on PostgreSQL, each against bare Camunda doing the same shape of work
 * in the same run and engine:
 * <ol>
 * <li>intake: receivables through {@code POST /api/receivables/batch} into started, classified
 * cases, against bare Camunda starting a process of the same shape (see {@link #bareProcess()}), the
 * two taking turns a block of batches each;
 * <li>a schedule day: the clock moves so every case's next step (the pre-due reminder) falls due
 * at once, and the job executor runs them all (rules, message recorded, next timer), against the
 * bare process's timers firing a task that writes the next stage and waiting at the next timer.
 * </ol>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=true",
        "regua.policy.reload-interval=PT1H",
        "logging.level.root=WARN",
        "spring.main.banner-mode=off"})
@ActiveProfiles("simulation")
class ScheduleBenchmark {

    static final int CASES = Integer.getInteger("bench.cases", 100_000);
    static final int BATCH = 1_000;
    // what ReceivableService.CHUNK is: receivables of a batch registered in one engine command
    static final int CHUNK = 100;
    static final int CLIENTS = 2;
    /** Batches an intake takes before the other takes its turn. */
    static final int BLOCK = 10;
    // a Monday morning in São Paulo; the receivables of the first half of the batches fall due on Friday 15 January
    // 2027, those of the second half on Monday 18 January
    static final Instant START = OffsetDateTime.parse("2026-12-07T09:00:00-03:00").toInstant();
    static final String[] DUE = {"2027-01-15", "2027-01-18"};
    // new customers are reminded on day -5: Sunday 10 January, so the first contact window, Monday 08:00; and
    // Wednesday 13 January, 08:00
    static final Instant[] REMINDERS_DUE = {OffsetDateTime.parse("2027-01-11T08:00:00-03:00").toInstant(),
            OffsetDateTime.parse("2027-01-13T08:00:00-03:00").toInstant()};
    // the bare halves' timers: before Régua's first half, and after its second (the day's halves run bare, Régua,
    // Régua, bare), all before Régua's next step (the due-day notice, 15 January)
    static final Instant[] BASELINE_TIMERS_DUE = {OffsetDateTime.parse("2027-01-04T08:00:00-03:00").toInstant(),
            OffsetDateTime.parse("2027-01-13T12:00:00-03:00").toInstant()};

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        BenchDatabase.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    SimulationClock clock;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    ManagementService management;
    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CamundaBpmProperties camunda;
    @Autowired
    MeterRegistry registry;

    @Test
    void intakeThenAScheduleDay() throws Exception {
        clock.moveTo(START);
        if (Boolean.getBoolean("bench.statements")) {
            jdbc.execute("create extension if not exists pg_stat_statements");
            jdbc.execute("select pg_stat_statements_reset()");
        }
        ScheduledExecutorService vacuum = BenchDatabase.vacuumWhileLoading(jdbc);
        repository.createDeployment().addModelInstance("bare.bpmn", bareProcess()).deploy();

        List<Long> bareLatencies = Collections.synchronizedList(new ArrayList<>());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<Long> reguaLatencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        // the two intakes take turns, a block of batches each, so that both write into tables of the same size: run one
        // after the other, the first would fill empty tables and the second tables already holding the first's cases
        Spent bareIntake = new Spent();
        Spent reguaIntake = new Spent();
        for (int block = 0; block < CASES / BATCH; block += BLOCK) {
            int first = block;
            int batches = Math.min(BLOCK, CASES / BATCH - block);
            statements(null, 0); // counts from here
            Spent.Mark before = Spent.Mark.now();
            // started as Régua starts a batch's cases: CHUNK to an engine command and a transaction
            double bare = run(batches, b -> timed(bareLatencies, () -> startBare(first + b)));
            Spent.Mark between = Spent.Mark.now();
            statements("bare intake, block from batch " + block, (long) batches * BATCH);
            double regua = run(batches, b -> timed(reguaLatencies, () -> {
                HttpResponse<String> response = send(http, batchOf(first + b));
                if (response.statusCode() != 200 || response.body().contains("\"status\":4")) {
                    refused.incrementAndGet();
                }
            }));
            Spent.Mark after = Spent.Mark.now();
            statements("Régua's intake, block from batch " + block, (long) batches * BATCH);
            bareIntake.add(bare, before, between);
            reguaIntake.add(regua, between, after);
        }
        long cases = jdbc.queryForObject("select count(*) from receivable where case_id is not null", Long.class);
        Decisions intakeDecisions = Decisions.since(registry, null);

        // the day in halves, bare, Régua, Régua, bare: whichever runs later runs on tables the other has grown, a
        // checkpoint nearer, a JIT warmer; in this order each side takes as many early places as late ones
        Spent bareDay = new Spent();
        Spent reguaDay = new Spent();
        List<String> halves = new ArrayList<>();
        for (String quarter : new String[] {"bare 0", "regua 0", "regua 1", "bare 1"}) {
            boolean bare = quarter.startsWith("bare");
            int half = quarter.endsWith("0") ? 0 : 1;
            Spent.Mark before = Spent.Mark.now();
            double seconds = untilNoTimerIsDue((bare ? BASELINE_TIMERS_DUE : REMINDERS_DUE)[half].plusSeconds(60));
            (bare ? bareDay : reguaDay).add(seconds, before, Spent.Mark.now());
            String name = (bare ? "bare" : "Régua") + " " + (half + 1);
            statements(name, CASES / 2);
            halves.add(String.format("%s %.0f/s", name, CASES / 2 / seconds));
        }
        long reminders = jdbc.queryForObject("select count(distinct receivable_id) from contact where stage = 'PRE_DUE_REMINDER'", Long.class);
        long failedJobs = management.createJobQuery().noRetriesLeft().count();
        Decisions dayDecisions = Decisions.since(registry, intakeDecisions);
        clients.shutdown();
        vacuum.shutdownNow();

        JobExecutor executor = engineConfiguration.getJobExecutor();
        new BenchResults("Intake and a schedule day: " + CASES + " receivables",
                "./mvnw -Pbench test -Dtest=ScheduleBenchmark" + (CASES == 100_000 ? "" : " -Dbench.cases=" + CASES))
                .figure("intake: receivables per second through POST /api/receivables/batch (" + BATCH + " per batch, "
                        + CLIENTS + " clients)", String.format("%.0f /s", CASES / reguaIntake.seconds),
                        String.format("aim ≥ 1,000/s and ≥ 0.8× baseline: %.2f×", bareIntake.seconds / reguaIntake.seconds))
                .figure("intake: batch latency p50 / p99", percentiles(reguaLatencies), "")
                .figure("baseline: bare Camunda starting the same shape (subprocess, message events, task, gateways, timer), same batches, threads and "
                        + CHUNK + " starts per engine command",
                        String.format("%.0f /s; batch p50 / p99 %s", CASES / bareIntake.seconds, percentiles(bareLatencies)), "")
                .figure("cases started and classified / batches refused", cases + " / " + refused.get(), CASES + " / 0")
                .figure("schedule day: due steps per second (rules + message recorded + next timer)",
                        String.format("%.0f /s (%.1f s for %d steps)", CASES / reguaDay.seconds, reguaDay.seconds, CASES),
                        String.format("aim ≥ 500/s; %.2f× baseline", bareDay.seconds / reguaDay.seconds))
                .figure("baseline: bare timers firing a task that sets the next stage and waiting at the next timer",
                        String.format("%.0f /s (%.1f s)", CASES / bareDay.seconds, bareDay.seconds), "")
                .figure("schedule day by half, in the order they ran", String.join(", ", halves), "")
                .figure("pre-due reminders recorded / jobs failed", reminders + " / " + failedJobs, CASES + " / 0")
                .figure("CPU per case, intake", reguaIntake.cpu.perUnit(CASES, "case"), "bare: " + bareIntake.cpu.perUnit(CASES, "case"))
                .figure("CPU per step, schedule day", reguaDay.cpu.perUnit(CASES, "step"), "bare: " + bareDay.cpu.perUnit(CASES, "step"))
                .figure("JVM CPU per case by kind of thread, intake", CpuMeter.perUnit(reguaIntake.threads, CASES),
                        "bare: " + CpuMeter.perUnit(bareIntake.threads, CASES))
                .figure("JVM CPU per step by kind of thread, schedule day", CpuMeter.perUnit(reguaDay.threads, CASES),
                        "bare: " + CpuMeter.perUnit(bareDay.threads, CASES))
                .figure("decisions, and their mean time in the server (wall, with the other threads sharing the cores)",
                        "intake: " + intakeDecisions + "; day: " + dayDecisions, "")
                .figure("job executor settings", "threads: core " + camunda.getJobExecution().getCorePoolSize() + ", max "
                        + camunda.getJobExecution().getMaxPoolSize() + ", queue " + camunda.getJobExecution().getQueueCapacity()
                        + "; max jobs per acquisition " + executor.getMaxJobsPerAcquisition() + ", wait time "
                        + executor.getWaitTimeInMillis() + " ms, lock time " + executor.getLockTimeInMillis() + " ms; history level "
                        + engineConfiguration.getHistoryLevel().getName(), "Régua's application.yml")
                .record(jdbc.queryForObject("show server_version", String.class));
    }

    /**
     * The bare process: the shape of a Régua case, without rules or Régua's tables. Like
     * collection.bpmn, the case waits in an embedded subprocess that two messages (agreement,
     * dispute) can interrupt, a process-wide event subprocess listens for the payment, and each
     * step is a timer, a task, two gateways and the next timer; it starts with the variables
     * Régua's classification writes, and its step rewrites the two a Régua step changes.
     */
    static BpmnModelInstance bareProcess() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("bare").camundaHistoryTimeToLive(180)
                .startEvent("registered")
                .exclusiveGateway("collectAgain")
                .subProcess("schedule").embeddedSubProcess()
                .startEvent("scheduleStarts")
                .serviceTask("classify").camundaExpression("${true}")
                .exclusiveGateway("backToSchedule")
                .exclusiveGateway("whichStage").condition("first step", "${nextStage == 'PRE_DUE_REMINDER'}")
                .intermediateCatchEvent("untilFirstStep").timerWithDate("${nextStepAt}")
                .serviceTask("step").camundaClass(BareStep.class.getName())
                .exclusiveGateway("afterStep")
                .exclusiveGateway("whichNextStage").condition("next step", "${nextStage == 'DUE_DAY_NOTICE'}")
                .intermediateCatchEvent("untilNextStep").timerWithDate("${nextStepAt}")
                .endEvent("scheduleEnds")
                .moveToNode("whichStage").endEvent("noFirstStep")
                .moveToNode("whichNextStage").endEvent("noNextStep")
                .subProcessDone()
                .endEvent("collectionEnds")
                .moveToActivity("schedule").boundaryEvent("agreementAccepted").message("BareAgreementAccepted").endEvent("inAgreement")
                .moveToActivity("schedule").boundaryEvent("disputeOpened").message("BareDisputeOpened").endEvent("inDispute")
                .done();
        // as in collection.bpmn, "nothing more planned" is the gateways' default flow
        for (String[] gatewayAndEnd : new String[][] {{"whichStage", "noFirstStep"}, {"whichNextStage", "noNextStep"}}) {
            ExclusiveGateway gateway = model.getModelElementById(gatewayAndEnd[0]);
            gateway.getOutgoing().stream().filter(flow -> flow.getTarget().getId().equals(gatewayAndEnd[1])).findFirst()
                    .ifPresent(gateway::setDefault);
        }
        Process process = model.getModelElementById("bare");
        process.builder().eventSubProcess("balancePaid").startEvent("balanceSettled").message("BareBalanceSettled").endEvent("paid");
        return model;
    }

    /** What a bare step writes: the next stage and when (Régua's step also keeps segment and priority). */
    public static class BareStep implements JavaDelegate {

        static final Date NEXT_STEP = Date.from(Instant.parse("2030-01-01T00:00:00Z"));

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable("nextStage", "DUE_DAY_NOTICE");
            execution.setVariable("nextStepAt", NEXT_STEP);
        }
    }

    /** The variables a Régua case has once classified, its first step due at {@code firstStep}. */
    static VariableMap bareVariables(long receivableId, Date firstStep) {
        return Variables.createVariables().putValue("receivableId", receivableId).putValue("stepCarriedOut", true)
                .putValue("nextStage", "PRE_DUE_REMINDER").putValue("nextStepAt", firstStep)
                .putValue("segment", "NEW_CUSTOMER").putValue("taskPriority", 10);
    }

    private void startBare(int batch) {
        for (int from = 0; from < BATCH; from += CHUNK) {
            int first = from;
            engineConfiguration.getCommandExecutorTxRequired().execute(command -> {
                for (int i = first; i < first + CHUNK; i++) {
                    runtime.startProcessInstanceByKey("bare", "bare-" + batch + "-" + i, bareVariables((long) batch * BATCH + i,
                            Date.from(BASELINE_TIMERS_DUE[half(batch)])));
                }
                return null;
            });
        }
    }

    /**
     * With {@code -Dbench.statements=true} and PostgreSQL's pg_stat_statements: prints the statements
     * of the phase that just ended, per case, and starts counting again. For profiling, not a figure.
     */
    private void statements(String phase, long units) {
        if (!Boolean.getBoolean("bench.statements")) {
            return;
        }
        if (phase != null) {
            System.out.println("--- statements per case, " + phase);
            jdbc.query("""
                    select s.calls, s.total_exec_time, s.wal_bytes, s.wal_fpi, regexp_replace(s.query, '\\s+', ' ', 'g') from pg_stat_statements s
                    join pg_database d on d.oid = s.dbid where d.datname = current_database() order by s.calls desc fetch first 40 rows only""",
                    rs -> {
                        String query = rs.getString(5);
                        System.out.printf("%7.2f calls %6.3f ms %7.0f B WAL %5.2f full pages  %s%n", rs.getDouble(1) / units,
                                rs.getDouble(2) / units, rs.getDouble(3) / units, rs.getDouble(4) / units,
                                query.substring(0, Math.min(110, query.length())));
                    });
            System.out.printf("multixacts made: %.2f per case%n", (jdbc.queryForObject("select mxid_age(datminmxid) from pg_database "
                    + "where datname = current_database()", Long.class) - multixacts) / (double) units);
            long[] updates = receivableUpdates();
            // PostgreSQL counts a backend's updates some time after its transaction, so a phase's figure may hold a few of the next
            System.out.printf("receivable rows updated: %.2f per case, %.0f%% of them in place (heap-only)%n",
                    (updates[0] - receivableUpdates[0]) / (double) units,
                    updates[0] == receivableUpdates[0] ? 0.0 : 100.0 * (updates[1] - receivableUpdates[1]) / (updates[0] - receivableUpdates[0]));
        }
        jdbc.execute("select pg_stat_statements_reset()");
        multixacts = jdbc.queryForObject("select mxid_age(datminmxid) from pg_database where datname = current_database()", Long.class);
        receivableUpdates = receivableUpdates();
    }

    /** The database's multixacts when the phase began (for profiling, with the statements). */
    private long multixacts;
    /** The receivable's updates, and those of them heap-only, when the phase began (for profiling, with the statements). */
    private long[] receivableUpdates;

    private long[] receivableUpdates() {
        return jdbc.queryForObject("select n_tup_upd, n_tup_hot_upd from pg_stat_user_tables where relname = 'receivable'",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
    }

    /**
     * What one side spent in a phase, summed over its blocks or halves: seconds, CPU in the JVM and in
     * PostgreSQL, and the JVM's by kind of thread (the phase's own work, or compiling and collecting for it).
     */
    private static final class Spent {

        double seconds;
        CpuMeter.Reading cpu = new CpuMeter.Reading(0, 0);
        final Map<String, Double> threads = new TreeMap<>();

        /** The meters at one moment. */
        record Mark(CpuMeter.Reading cpu, Map<String, Double> threads) {

            static Mark now() {
                return new Mark(CpuMeter.now(), CpuMeter.jvmThreads());
            }
        }

        /** Adds {@code seconds} of work and what the meters counted from {@code from} to {@code to}. */
        void add(double seconds, Mark from, Mark to) {
            this.seconds += seconds;
            CpuMeter.Reading used = to.cpu().minus(from.cpu());
            cpu = new CpuMeter.Reading(cpu.jvm() + used.jvm(), cpu.postgres() + used.postgres());
            CpuMeter.add(threads, from.threads(), to.threads());
        }
    }

    private String batchOf(int batch) {
        StringBuilder body = new StringBuilder(BATCH * 400).append("{\"items\": [");
        for (int i = 0; i < BATCH; i++) {
            int n = batch * BATCH + i;
            if (i > 0) {
                body.append(',');
            }
            body.append("""
                    {"externalId": "R-%d", "customer": {"externalId": "C-%d", "name": "Cliente %d", "document": "111.444.777-35",
                     "type": "CONSUMER", "email": "cliente%d@example.com", "phone": "+55 11 91234-5678", "state": "SP"},
                     "amount": "%d.%02d", "issueDate": "2026-12-01", "dueDate": "%s", "description": "Fatura %d"}"""
                    .formatted(n, n / 4, n / 4, n / 4, 50 + n % 5000, n % 100, DUE[half(batch)], n));
        }
        return body.append("]}").toString();
    }

    /** The half of the day a batch's cases fall due in. */
    private static int half(int batch) {
        return batch < CASES / BATCH / 2 ? 0 : 1;
    }

    private HttpResponse<String> send(HttpClient http, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/receivables/batch"))
                    .header("Content-Type", "application/json").header("Authorization", BenchDatabase.adminAuthorization())
                    .timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The threads both intakes run their batches on: kept for the whole run, so their time is still
     * there to be counted by kind of thread when a phase ends (an ended thread leaves no trace).
     */
    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS, r -> new Thread(r, "bench-client"));

    /** Runs the batches on CLIENTS threads; returns the seconds it took. */
    private double run(int batches, IntConsumer batch) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            done.add(clients.submit(() -> {
                for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                    batch.accept(b);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void timed(List<Long> latencies, Runnable work) {
        long start = System.nanoTime();
        work.run();
        latencies.add((System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Moves the clock; returns the seconds until the job executor has run every timer then due. The
     * executor is woken at once: idle through the intake, it would otherwise sleep up to a minute
     * before it looked again (in production, timers fall due one after another as time passes).
     */
    private double untilNoTimerIsDue(Instant moment) throws InterruptedException {
        clock.moveTo(moment);
        engineConfiguration.getJobExecutor().jobWasAdded();
        long start = System.nanoTime();
        Date now = Date.from(clock.instant());
        // whether a timer is still due, through the index on the jobs' due date: the engine's count of them scanned the
        // whole job table each time, and at 100,000 cases took 0.3-0.5 ms of PostgreSQL's time per step, more of it in
        // whichever half ran longer
        while (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from ACT_RU_JOB where DUEDATE_ < ? and TYPE_ = 'timer'"
                + " and RETRIES_ > 0)", Boolean.class, new java.sql.Timestamp(now.getTime())))) {
            Thread.sleep(500);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The policy's decisions between two moments, read from the server's own timer (regua.decisions). */
    private record Decisions(long count, double totalMillis) {

        static Decisions since(MeterRegistry registry, Decisions before) {
            Timer timer = registry.get("regua.decisions").tag("outcome", "decided").timer();
            Decisions now = new Decisions(timer.count(), timer.totalTime(TimeUnit.MILLISECONDS));
            return before == null ? now : new Decisions(now.count - before.count, now.totalMillis - before.totalMillis);
        }

        @Override
        public String toString() {
            return String.format("%d, %.0f µs", count, count == 0 ? 0 : 1000 * totalMillis / count);
        }
    }

    private static String percentiles(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) + " ms / " + sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) + " ms";
    }
}

