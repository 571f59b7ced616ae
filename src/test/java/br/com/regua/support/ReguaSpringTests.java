package br.com.regua.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import br.com.regua.schedule.SimulationClock;
import br.com.regua.security.Role;

/**
 * The whole server on an in-memory H2 database with the simulation clock and no job executor:
 * tests move the clock and fire their own case's timers. One context is shared by every test
 * class that extends this, so tests use their own external ids. The policy is the tests' own
 * ({@link TestPolicy}), not the live {@code rules/}. Metrics are exported as in
 * production ({@code /actuator/prometheus}), which Spring's tests otherwise turn off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:regua-tests;DB_CLOSE_DELAY=-1",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.generate-unique-process-application-name=true",
        "camunda.bpm.job-execution.enabled=false",
        "regua.agreements.offer-secret=tests-only-offer-secret",
        "regua.webhooks.poll=false",
        "regua.rules-dir=src/test/resources/test-rules",
        "regua.pix.key=14572457000185", "regua.pix.merchant-name=Escola Aurora Ltda", "regua.pix.merchant-city=Campinas"})
@ActiveProfiles("simulation")
@AutoConfigureObservability(tracing = false)
public abstract class ReguaSpringTests {

    @Autowired
    protected SimulationClock clock;
    @Autowired
    protected ProcessEngine engine;
    @Autowired
    protected RuntimeService runtime;
    @Autowired
    protected ManagementService management;
    @Autowired
    protected TaskService tasks;
    @Autowired
    protected HistoryService history;
    @Autowired
    protected IdentityService identity;
    @Autowired
    private TestRestTemplate anonymous;

    @BeforeEach
    void bindAssertionsToThisEngine() {
        BpmnAwareTests.init(engine);
    }

    /** A client with no credentials at all. */
    protected TestRestTemplate anonymous() {
        return anonymous;
    }

    /** A client signed in with HTTP Basic as a user of {@code role}. */
    protected TestRestTemplate as(Role role) {
        return TestUsers.as(role, identity, anonymous);
    }

    protected void setClock(String isoOffsetDateTime) {
        clock.moveTo(OffsetDateTime.parse(isoOffsetDateTime).toInstant());
    }

    protected ProcessInstance caseOf(String externalId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(externalId).singleResult();
    }

    /**
     * Fires this case's next timer, moving the clock to its due date, or runs its asynchronous
     * continuation when one waits. False when no job is waiting.
     */
    protected boolean fireNextTimer(String processInstanceId) {
        List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).orderByJobDuedate().asc().list();
        if (jobs.isEmpty()) {
            return false;
        }
        // an asynchronous continuation runs first, as the job executor would run it at once
        Job job = management.createJobQuery().processInstanceId(processInstanceId).messages().list().stream().findFirst()
                .orElse(jobs.get(0));
        if (job.getDuedate() != null && job.getDuedate().toInstant().isAfter(clock.instant())) {
            clock.moveTo(job.getDuedate().toInstant());
        }
        management.executeJob(job.getId());
        return true;
    }

    /**
     * Runs the case's asynchronous continuation, as the job executor would at once: the step after a
     * person's action or a message, in a job of its own. Fails when none waits.
     */
    protected void runContinuation(String processInstanceId) {
        Job job = management.createJobQuery().processInstanceId(processInstanceId).messages().list().stream().findFirst()
                .orElseThrow(() -> new AssertionError("no asynchronous continuation waits in case " + processInstanceId));
        management.executeJob(job.getId());
    }

    /** Fires timers until the case has passed {@code activityId}; fails after {@code max} timers. */
    protected void fireTimersUntilPassed(String processInstanceId, String activityId, int max) {
        for (int i = 0; i < max; i++) {
            if (hasPassed(processInstanceId, activityId)) {
                return;
            }
            if (!fireNextTimer(processInstanceId)) {
                break;
            }
        }
        if (!hasPassed(processInstanceId, activityId)) {
            throw new AssertionError("case " + processInstanceId + " never passed " + activityId);
        }
    }

    /**
     * Walks the case until it has passed {@code activityId}: fires its timers and completes the
     * collector's call when the case waits for it, as a collector would; fails after {@code max} moves.
     */
    protected void walkUntilPassed(String processInstanceId, String activityId, int max) {
        for (int i = 0; i < max && !hasPassed(processInstanceId, activityId); i++) {
            if (!fireNextTimer(processInstanceId)) {
                List<org.camunda.bpm.engine.task.Task> calls = tasks.createTaskQuery().processInstanceId(processInstanceId)
                        .taskDefinitionKey(br.com.regua.cases.CollectionProcess.USER_TASK_CALL).list();
                if (calls.isEmpty()) {
                    break;
                }
                calls.forEach(t -> tasks.complete(t.getId()));
            }
        }
        if (!hasPassed(processInstanceId, activityId)) {
            boolean running = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
            throw new AssertionError("case " + processInstanceId + " never passed " + activityId + "; it "
                    + (running ? "waits at " + runtime.getActiveActivityIds(processInstanceId) : "has ended"));
        }
    }

    /** Runs a batch as the job executor would: its seed job makes the batch's jobs, then they run. */
    protected void runBatch(String batchId) {
        var batch = management.createBatchQuery().batchId(batchId).singleResult();
        for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId())) {
            for (Job job : management.createJobQuery().jobDefinitionId(definition).list()) {
                management.executeJob(job.getId());
            }
        }
    }

    protected boolean hasPassed(String processInstanceId, String activityId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).activityId(activityId)
                .finished().count() > 0;
    }

    /**
     * Walks the case as {@link #walkUntilPassed} does until {@code done} holds: for a step the policy
     * may put off (a notice the law asks before it), where passing the activity is not carrying it out.
     */
    protected void walkUntil(String processInstanceId, java.util.function.BooleanSupplier done, String what, int max) {
        for (int i = 0; i < max && !done.getAsBoolean(); i++) {
            if (!fireNextTimer(processInstanceId)) {
                List<org.camunda.bpm.engine.task.Task> calls = tasks.createTaskQuery().processInstanceId(processInstanceId)
                        .taskDefinitionKey(br.com.regua.cases.CollectionProcess.USER_TASK_CALL).list();
                if (calls.isEmpty()) {
                    break;
                }
                calls.forEach(t -> tasks.complete(t.getId()));
            }
        }
        if (!done.getAsBoolean()) {
            throw new AssertionError("case " + processInstanceId + " never reached " + what);
        }
    }
}
