package br.com.regua.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

/** The shape of processes/agreement.bpmn, read without an engine: names, layout, timers from computed dates. */
class AgreementBpmnModelTests {

    private static final BpmnModelInstance MODEL = Bpmn.readModelFromFile(new File("processes/agreement.bpmn"));

    @Test
    void theProcessIdIsTheFileNameAndHistoryIsKeptForAWhile() {
        Process process = MODEL.getModelElementById(AgreementProcess.KEY);
        assertThat(process).isNotNull();
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    }

    @Test
    void everyElementHasAHumanNameAndAPlaceInTheDiagram() {
        Set<String> shaped = MODEL.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edged = MODEL.getModelElementsByType(BpmnEdge.class).stream()
                .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
        for (FlowNode node : MODEL.getModelElementsByType(FlowNode.class)) {
            assertThat(node.getName()).as(node.getId()).isNotBlank();
            assertThat(node.getId()).as("a meaningful id").doesNotMatch(".*_[0-9a-z]{7}$");
            assertThat(shaped).as("shape of " + node.getId()).contains(node.getId());
        }
        for (SequenceFlow flow : MODEL.getModelElementsByType(SequenceFlow.class)) {
            assertThat(edged).as("edge of " + flow.getId()).contains(flow.getId());
            if (flow.getConditionExpression() != null) {
                assertThat(flow.getName()).as(flow.getId()).isNotBlank();
            }
        }
    }

    @Test
    void timersWaitOnlyForDatesComputedFromTheTermsOfTheOffer() {
        for (TimerEventDefinition timer : MODEL.getModelElementsByType(TimerEventDefinition.class)) {
            assertThat(timer.getTimeDuration()).isNull();
            assertThat(timer.getTimeCycle()).isNull();
            assertThat(timer.getTimeDate().getTextContent()).isIn("${reminderAt}", "${graceEndsAt}");
        }
    }

    @Test
    void theInstallmentWaitRemindsWithoutInterruptingAndBreaksWhenTheGraceIsOver() {
        ReceiveTask await = MODEL.getModelElementById(AgreementProcess.AWAIT_INSTALLMENT);
        assertThat(await.getMessage().getName()).isEqualTo(AgreementProcess.MESSAGE_INSTALLMENT_PAID);
        BoundaryEvent reminder = MODEL.getModelElementById(AgreementProcess.TIMER_REMINDER);
        BoundaryEvent grace = MODEL.getModelElementById(AgreementProcess.TIMER_GRACE_OVER);
        assertThat(reminder.getAttachedTo()).isEqualTo(await);
        assertThat(reminder.cancelActivity()).isFalse();
        assertThat(grace.getAttachedTo()).isEqualTo(await);
        assertThat(grace.cancelActivity()).isTrue();
    }
}
