package br.com.regua.schedule;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;

import br.com.regua.contact.DeliveryWorker;

/**
 * Walks time forward (simulation profile only): runs every job due before the target in due-date
 * order, with the clock set to each job's due date, so a portfolio goes through every step it
 * would have gone through in real time, and none is skipped by the jump. The contact delivery
 * worker runs at each moment a contact falls due, so messages go out at the simulated hour they
 * would have gone out.
 */
@Service
@Profile("simulation")
public class SimulationService {

    private static final Logger log = LoggerFactory.getLogger(SimulationService.class);
    /** A bound against a policy that plans steps forever at the same instant. */
    private static final int MAX_JOBS = 1_000_000;

    private final SimulationClock clock;
    private final ManagementService management;
    private final DeliveryWorker delivery;

    public SimulationService(SimulationClock clock, ManagementService management, DeliveryWorker delivery) {
        this.clock = clock;
        this.management = management;
        this.delivery = delivery;
    }

    /** What an advance did. */
    public record Advance(Instant from, Instant to, int jobsRun, int jobsFailed) {
    }

    public synchronized Advance advanceTo(Instant target) {
        Instant from = clock.instant();
        if (target.isBefore(from)) {
            throw new IllegalArgumentException("the clock only moves forward; it is " + from);
        }
        int ran = 0;
        int failed = 0;
        int rounds = 0;
        while (ran + failed + rounds < MAX_JOBS) {
            List<Job> due = management.createJobQuery().withRetriesLeft().duedateLowerThan(Date.from(target.plusMillis(1)))
                    .orderByJobDuedate().asc().listPage(0, 1);
            Instant jobTime = due.isEmpty() ? null
                    : due.get(0).getDuedate() == null ? clock.instant() : due.get(0).getDuedate().toInstant();
            // contacts go out at their own time too (deferred to the next window, retried after a backoff)
            Optional<Instant> contactTime = delivery.nextDue().filter(t -> !t.isAfter(target));
            if (contactTime.isPresent() && (jobTime == null || !contactTime.get().isAfter(jobTime))) {
                if (contactTime.get().isAfter(clock.instant())) {
                    clock.moveTo(contactTime.get());
                }
                rounds++;
                if (delivery.deliverDue().claimed() > 0) {
                    continue;
                }
                if (jobTime == null) {
                    break; // what is due is held by another worker's lease: nothing more to do here
                }
            }
            if (due.isEmpty()) {
                break;
            }
            Job job = due.get(0);
            if (jobTime.isAfter(clock.instant())) {
                clock.moveTo(jobTime);
            }
            try {
                management.executeJob(job.getId());
                ran++;
            } catch (RuntimeException e) {
                // the engine counted the failure down on the job; at zero retries it becomes an incident
                failed++;
                log.warn("Job {} failed during simulation: {}", job.getId(), e.getMessage());
            }
        }
        clock.moveTo(target);
        return new Advance(from, target, ran, failed);
    }
}
