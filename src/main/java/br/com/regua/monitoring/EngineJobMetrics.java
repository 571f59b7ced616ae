package br.com.regua.monitoring;

import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The engine's job table, as Camunda's own queries count it. {@code regua_jobs_due}: timers and
 * asynchronous steps that are due and not yet run (one that only grows means the job executor is
 * behind or stopped); {@code regua_jobs_failed}: jobs out of retries; {@code regua_incidents}: what
 * Cockpit shows as incidents.
 */
@Component
class EngineJobMetrics implements CountedGauges {

    private final ManagementService management;
    private final RuntimeService runtime;
    private final AtomicLong due = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong failedJobIncidents = new AtomicLong();
    private final AtomicLong otherIncidents = new AtomicLong();

    EngineJobMetrics(ManagementService management, RuntimeService runtime, ObjectProvider<MeterRegistry> registries) {
        this.management = management;
        this.runtime = runtime;
        MeterRegistry registry = registries.getIfAvailable();
        if (registry != null) {
            Gauge.builder("regua.jobs.due", due, AtomicLong::get)
                    .description("jobs (timers, asynchronous steps) due and not yet run").register(registry);
            Gauge.builder("regua.jobs.failed", failed, AtomicLong::get)
                    .description("jobs with no retries left").register(registry);
            Gauge.builder("regua.incidents", failedJobIncidents, AtomicLong::get).tag("type", Incident.FAILED_JOB_HANDLER_TYPE)
                    .description("open incidents").register(registry);
            Gauge.builder("regua.incidents", otherIncidents, AtomicLong::get).tag("type", "other")
                    .description("open incidents").register(registry);
        }
    }

    @Override
    public void count() {
        // executable(): retries left and due by the engine's clock (Régua's clock)
        due.set(management.createJobQuery().executable().active().count());
        failed.set(management.createJobQuery().noRetriesLeft().count());
        long incidents = runtime.createIncidentQuery().count();
        long ofJobs = runtime.createIncidentQuery().incidentType(Incident.FAILED_JOB_HANDLER_TYPE).count();
        failedJobIncidents.set(ofJobs);
        otherIncidents.set(incidents - ofJobs);
    }
}
