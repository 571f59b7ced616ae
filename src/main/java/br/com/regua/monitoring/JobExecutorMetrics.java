package br.com.regua.monitoring;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code regua_job_executor_total{event}}: what this node's job executor did — acquisition attempts,
 * jobs acquired, jobs it could not lock (another node took them), jobs rejected for want of a free
 * thread, jobs that succeeded and failed. Camunda counts these itself but writes them to its meter
 * table only every 15 minutes; each of its meters is replaced here by one that also counts into
 * Micrometer, and still hands its count to Camunda's reporter.
 */
@Component
class JobExecutorMetrics extends AbstractProcessEnginePlugin {

    private static final List<String> EVENTS = List.of(Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS,
            Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED,
            Metrics.JOB_LOCKED_EXCLUSIVE);

    private final ObjectProvider<MeterRegistry> registry;

    JobExecutorMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        MeterRegistry meters = registry.getIfAvailable();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (meters == null || !configuration.isMetricsEnabled() || configuration.getMetricsRegistry() == null) {
            return;
        }
        Map<String, Meter> camunda = configuration.getMetricsRegistry().getDbMeters();
        for (String event : EVENTS) {
            Counter counter = Counter.builder("regua.job.executor").description("what this node's job executor did")
                    .tag("event", event.replaceFirst("^job-", "")).register(meters);
            camunda.put(event, new CountedMeter(event, counter));
        }
    }

    /** Camunda's meter (its reporter takes and clears the count), counting into Micrometer too. */
    private static final class CountedMeter extends Meter {

        private final Counter counter;

        CountedMeter(String name, Counter counter) {
            super(name);
            this.counter = counter;
        }

        @Override
        public void mark() {
            markTimes(1);
        }

        @Override
        public void markTimes(long times) {
            super.markTimes(times);
            counter.increment(times);
        }
    }
}
