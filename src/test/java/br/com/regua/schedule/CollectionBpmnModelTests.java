package br.com.regua.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import br.com.regua.cases.CollectionProcess;
import br.com.regua.cases.CollectionStages;
import br.com.regua.policy.StageCatalog;
import org.junit.jupiter.api.Test;

import br.com.regua.support.BpmnFiles;


/** The shape of processes/collection.bpmn, read without an engine: names, layout, one branch per stage. */
class CollectionBpmnModelTests {

    private static final BpmnModelInstance MODEL = BpmnFiles.read("collection.bpmn");

    @Test
    void theProcessIdIsTheFileNameAndHistoryIsKeptForAWhile() {
        BpmnFiles.assertExecutableWithHistoryTimeToLive(MODEL, CollectionProcess.KEY);
    }

    @Test
    void everyElementHasAHumanNameAndAPlaceInTheDiagram() {
        BpmnFiles.assertNamedAndDrawn(MODEL);
    }

    @Test
    void everyStageHasOneBranchThatWaitsForTheDateRulesComputedAndCarriesThatStageOut() {
        ExclusiveGateway gateway = MODEL.getModelElementById(CollectionProcess.GATEWAY_NEXT_STAGE);
        List<SequenceFlow> branches = outgoing(gateway);
        List<StageCatalog.StageInfo> stages = CollectionStages.read(MODEL);
        assertThat(stages).extracting(StageCatalog.StageInfo::key).containsExactly("PRE_DUE_REMINDER", "DUE_DAY_NOTICE",
                "GRACE_PERIOD", "FRIENDLY_REMINDER", "RENEGOTIATION_OFFER", "COLLECTOR_CALL", "FORMAL_NOTICE", "BUREAU_PRIOR_NOTICE",
                "BUREAU_REPORT", "SERVICE_SUSPENSION_NOTICE", "COLLECTION_AGENCY", "LEGAL_REFERRAL", "WRITE_OFF");
        for (StageCatalog.StageInfo stage : stages) {
            List<SequenceFlow> matching = branches.stream().filter(f -> f.getConditionExpression() != null
                    && f.getConditionExpression().getTextContent().equals("${nextStage == '" + stage.key() + "'}")).toList();
            assertThat(matching).as(stage.key()).hasSize(1);
            FlowNode timer = matching.get(0).getTarget();
            assertThat(timer).isInstanceOf(IntermediateCatchEvent.class);
            FlowNode task = outgoing(timer).get(0).getTarget();
            assertThat(task).isInstanceOf(ServiceTask.class);
            assertThat(task.getId()).as("the task that carries out " + stage.key()).isEqualTo(stage.elementId());
            assertThat(((ServiceTask) task).getCamundaDelegateExpression()).isEqualTo("${executeStepDelegate}");
        }
        assertThat(stages).filteredOn(StageCatalog.StageInfo::last).extracting(StageCatalog.StageInfo::key)
                .containsExactly("LEGAL_REFERRAL", "WRITE_OFF");
        assertThat(gateway.getAttributeValue("default")).isNotBlank();
    }

    @Test
    void everyStageADebtorCanBeAtSaysWhatItMeansInPortuguese() {
        // the debtor's page shows these words; the write-off ends the case, and a closed debt is not shown as open
        assertThat(CollectionStages.read(MODEL)).filteredOn(s -> !"WRITTEN_OFF".equals(s.status()))
                .allSatisfy(s -> assertThat(s.debtorWords()).as(s.key()).isNotBlank().doesNotContain("_"));
        assertThat(CollectionStages.read(MODEL)).filteredOn(s -> s.key().equals("FORMAL_NOTICE")).singleElement()
                .extracting(StageCatalog.StageInfo::debtorWords).isEqualTo("notificação formal enviada");
    }

    /** The policy's date for every timer; the one exception is the time the debtor asked the collector to call back. */
    @Test
    void noTimerHoldsADateOrADurationOfItsOwn() {
        for (TimerEventDefinition timer : MODEL.getModelElementsByType(TimerEventDefinition.class)) {
            assertThat(timer.getTimeDuration()).isNull();
            assertThat(timer.getTimeCycle()).isNull();
            String when = timer.getParentElement().getAttributeValue("id").equals(CollectionProcess.TIMER_CALL_BACK)
                    ? "${" + CollectionProcess.VAR_CALL_BACK_AT + "}" : "${nextStepAt}";
            assertThat(timer.getTimeDate().getTextContent()).isEqualTo(when);
        }
    }

    @Test
    void anAgreementOrADisputeInterruptsTheScheduleAndCollectionGoesOnFromTheClassification() {
        for (String id : List.of("Boundary_AgreementAccepted", "Boundary_DisputeOpened")) {
            BoundaryEvent event = MODEL.getModelElementById(id);
            assertThat(event.getAttachedTo().getId()).isEqualTo(CollectionProcess.SUBPROCESS_SCHEDULE);
            assertThat(event.cancelActivity()).as(id).isTrue();
        }
        assertThat(MODEL.getModelElementsByType(Message.class).stream().map(Message::getName).toList())
                .contains(CollectionProcess.MESSAGE_AGREEMENT_ACCEPTED, CollectionProcess.MESSAGE_AGREEMENT_BROKEN,
                        CollectionProcess.MESSAGE_DISPUTE_OPENED, CollectionProcess.MESSAGE_BALANCE_SETTLED);
        SubProcess schedule = MODEL.getModelElementById(CollectionProcess.SUBPROCESS_SCHEDULE);
        StartEvent start = schedule.getChildElementsByType(StartEvent.class).iterator().next();
        assertThat(outgoing(start).get(0).getTarget().getId()).isEqualTo(CollectionProcess.TASK_CLASSIFY);
        FlowNode again = MODEL.getModelElementById("Gateway_CollectAgain");
        assertThat(MODEL.getModelElementsByType(SequenceFlow.class).stream().filter(f -> f.getTarget() == again)
                .map(f -> f.getSource().getId()))
                .contains("StartEvent_DebtRegistered", CollectionProcess.AWAIT_AGREEMENT_OUTCOME, "Gateway_CollectionGoesOn");
        assertThat(outgoing(again).get(0).getTarget()).isEqualTo(schedule);
    }

    private static List<SequenceFlow> outgoing(FlowNode node) {
        return MODEL.getModelElementsByType(SequenceFlow.class).stream().filter(f -> f.getSource() == node).toList();
    }
}
