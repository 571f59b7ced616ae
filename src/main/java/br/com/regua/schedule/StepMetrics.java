package br.com.regua.schedule;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code regua_steps_seconds{stage,outcome}}: every stage task the schedule runs, how long it took
 * (a histogram, for latency quantiles) and how it ended: carried out, rescheduled (the policy moved
 * it), or failed (the engine retries it and at the end raises an incident).
 */
@Component
class StepMetrics {

    private final MeterRegistry registry;

    StepMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry.getIfAvailable();
    }

    ScheduleService.NextStep timed(String stage, Supplier<ScheduleService.NextStep> step) {
        if (registry == null) {
            return step.get();
        }
        long start = System.nanoTime();
        String outcome = "failed";
        try {
            ScheduleService.NextStep next = step.get();
            outcome = next.carriedOut() ? "carried-out" : "rescheduled";
            return next;
        } finally {
            Timer.builder("regua.steps").description("stage tasks of the collection schedule")
                    .tag("stage", stage).tag("outcome", outcome).publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry).record(Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
