package br.com.regua.bench;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import br.com.regua.policy.CompiledPolicy;

/**
 * Decisions per second on one thread, measured with JMH: Drools against the same tables in
 * Camunda DMN. Aim: Drools at least as fast as DMN, and a full policy evaluation well under a
 * millisecond.
 */
class DecisionBenchmark {

    @Test
    void decisionsPerSecondOnOneThread() throws Exception {
        // -Dbench.quick=true: a smoke run that checks the benchmark works, not a measurement
        boolean quick = Boolean.getBoolean("bench.quick");
        Options options = new OptionsBuilder()
                .include(PolicyDecisionMeasurements.class.getName())
                .forks(1).threads(1)
                .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(quick ? 1 : 3))
                .measurementIterations(quick ? 1 : 5).measurementTime(TimeValue.seconds(quick ? 1 : 4))
                .jvmArgs("-Xmx512m")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceFirst(".*\\.", "");
            scores.put(name, new double[] {r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
        }
        double full = scores.get("droolsFullPolicy")[0];
        double tables = scores.get("droolsSegmentationAndDiscountTables")[0];
        double feel = scores.get("dmnFeelSegmentationAndDiscountTables")[0];
        double juel = scores.get("dmnJuelSegmentationAndDiscountTables")[0];
        int rules = CompiledPolicy.fromDirectory(Path.of("rules")).ruleNames().size();
        new BenchResults("Decisions: Drools against Camunda DMN, one thread (JMH)", "./mvnw -Pbench test -Dtest=DecisionBenchmark")
                .figure("Drools, full policy of rules/ (" + rules + " rules: segmentation, grace, reminders, discounts, escalation,"
                        + " priority, compliance)", perSecond(scores.get("droolsFullPolicy")),
                        String.format("%.1f µs per evaluation; aim well under 1 ms", 1e6 / full))
                .figure("Drools, segmentation and discount tables only", perSecond(scores.get("droolsSegmentationAndDiscountTables")),
                        String.format("%.2f× DMN FEEL, %.2f× DMN JUEL; aim ≥ 1×", tables / feel, tables / juel))
                .figure("Camunda DMN, the same two tables, Scala FEEL (the default)", perSecond(scores.get("dmnFeelSegmentationAndDiscountTables")),
                        "baseline")
                .figure("Camunda DMN, the same two tables, legacy JUEL-based FEEL", perSecond(scores.get("dmnJuelSegmentationAndDiscountTables")),
                        "baseline")
                .note("Before measuring, both DMN engines are checked to decide the same segment and offer as Drools for"
                        + " every debtor. JMH: 1 fork, 3 warm-up iterations of 3 s, 5 measured iterations of 4 s, one thread; ± is JMH's"
                        + " 99.9% confidence interval. Each operation decides for the next of 256 varied debtors.")
                .record("not used");
    }

    private static String perSecond(double[] score) {
        return String.format("%,.0f ± %,.0f decisions/s", score[0], score[1]);
    }
}
