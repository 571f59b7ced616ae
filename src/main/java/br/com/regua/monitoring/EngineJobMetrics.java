package br.com.regua.monitoring;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The engine's job table, as Camunda's own queries count it. {@code regua_jobs_due}: timers and
 * asynchronous steps that are due and not yet run (one that only grows means the job executor is
 * behind or stopped); {@code regua_jobs_failed}: jobs out of retries; {@code regua_incidents}: what
 * Cockpit shows as incidents; {@code regua_jobs_oldest_due_age_seconds}: how long the oldest due job
 * has waited, which stays near zero while the job executor keeps up.
 */
@Component
class EngineJobMetrics implements CountedGauges {

    private final ManagementService management;
    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;
    private final AtomicLong due = new AtomicLong();
    private final AtomicLong oldestDueAgeSeconds = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong failedJobIncidents = new AtomicLong();
    private final AtomicLong otherIncidents = new AtomicLong();

    EngineJobMetrics(ManagementService management, RuntimeService runtime, JdbcTemplate jdbc, ObjectProvider<MeterRegistry> registries) {
        this.management = management;
        this.jdbc = jdbc;
        this.runtime = runtime;
        MeterRegistry registry = registries.getIfAvailable();
        if (registry != null) {
            Gauge.builder("regua.jobs.due", due, AtomicLong::get)
                    .description("jobs (timers, asynchronous steps) due and not yet run").register(registry);
            Gauge.builder("regua.jobs.oldest.due.age", oldestDueAgeSeconds, AtomicLong::get).baseUnit("seconds")
                    .description("how long the oldest job that is due and not yet run has waited (0: none)").register(registry);
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
        // what the engine's executable().active() counts, by the engine's clock (Régua's clock), through the index on the
        // due date: the engine's own count joins every job to its execution and took a second at 200,000 jobs. The
        // oldest is a timer's due date: an asynchronous step has none (due since it was made) and is not aged here
        java.util.Date now = ClockUtil.now();
        jdbc.query("""
                select count(*) as due, min(DUEDATE_) as oldest from ACT_RU_JOB
                where RETRIES_ > 0 and SUSPENSION_STATE_ = 1 and (DUEDATE_ <= ? or DUEDATE_ is null)""", rs -> {
            due.set(rs.getLong("due"));
            Timestamp oldest = rs.getTimestamp("oldest");
            oldestDueAgeSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now.toInstant()).toSeconds()));
        }, new Timestamp(now.getTime()));
        failed.set(management.createJobQuery().noRetriesLeft().count());
        long incidents = runtime.createIncidentQuery().count();
        long ofJobs = runtime.createIncidentQuery().incidentType(Incident.FAILED_JOB_HANDLER_TYPE).count();
        failedJobIncidents.set(ofJobs);
        otherIncidents.set(incidents - ofJobs);
    }
}
