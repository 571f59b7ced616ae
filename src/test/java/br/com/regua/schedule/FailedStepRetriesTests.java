package br.com.regua.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import br.com.regua.support.ReguaSpringTests;

/**
 * A step that fails for a technical reason is tried again later, five times five minutes apart,
 * and only then shows in Cockpit as an incident — not three times at once.
 */
class FailedStepRetriesTests extends ReguaSpringTests {

    static final String FAILING = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="retries" targetNamespace="http://regua.dev/tests">
              <bpmn:process id="failingStep" name="A step whose case is missing" isExecutable="true" camunda:historyTimeToLive="1">
                <bpmn:startEvent id="Start" name="Start" />
                <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Step" />
                <bpmn:serviceTask id="Task_Step" name="Carry out the step" camunda:asyncBefore="true"
                    camunda:delegateExpression="${executeStepDelegate}" />
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Step" targetRef="End" />
                <bpmn:endEvent id="End" name="End" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    @Test
    void aFailingStepIsTriedFiveTimesFiveMinutesApartThenBecomesAnIncident() {
        setClock("2026-03-10T10:00:00-03:00");
        engine.getRepositoryService().createDeployment().addString("failing-step.bpmn", FAILING).deploy();
        // no receivable behind this instance: the step's delegate fails as it would on a lost database row
        ProcessInstance instance = runtime.startProcessInstanceByKey("failingStep");

        for (int attempt = 1; attempt <= 5; attempt++) {
            Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
            assertThat(job.getRetries()).as("tries left before attempt %d", attempt).isEqualTo(attempt == 1 ? 5 : 6 - attempt);
            clock.moveTo(job.getDuedate() == null ? clock.instant() : job.getDuedate().toInstant());
            assertThatThrownBy(() -> management.executeJob(job.getId())).isNotNull();
            Job after = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
            if (attempt < 5) {
                assertThat(Duration.between(clock.instant(), after.getDuedate().toInstant())).isEqualTo(Duration.ofMinutes(5));
            }
        }
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).singleResult().getRetries()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    }
}
