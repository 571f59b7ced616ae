package br.com.regua.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;

/** What every file in processes/ must be: executable, named, meaningful ids, drawn in full. */
public final class BpmnFiles {

    private BpmnFiles() {
    }

    public static BpmnModelInstance read(String fileName) {
        return Bpmn.readModelFromFile(new File("processes", fileName));
    }

    /** The process id is the file name; history has a time to live (Camunda refuses to deploy without one). */
    public static void assertExecutableWithHistoryTimeToLive(BpmnModelInstance model, String processId) {
        Process process = model.getModelElementById(processId);
        assertThat(process).isNotNull();
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    }

    /** Cockpit and Modeler draw it all, and a person reads every element's name and every condition's label. */
    public static void assertNamedAndDrawn(BpmnModelInstance model) {
        Set<String> shaped = model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edged = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(node.getName()).as(node.getId()).isNotBlank();
            assertThat(node.getId()).as("a meaningful id, not the modeler's").doesNotMatch(".*_[0-9a-z]{7}$");
            assertThat(shaped).as("shape of " + node.getId()).contains(node.getId());
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            assertThat(edged).as("edge of " + flow.getId()).contains(flow.getId());
            if (flow.getConditionExpression() != null) {
                assertThat(flow.getName()).as(flow.getId()).isNotBlank();
            }
        }
    }
}
