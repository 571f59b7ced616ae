package br.com.regua.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.api.Test;

import br.com.regua.support.BpmnFiles;

/** The shape of processes/agreement.bpmn, read without an engine: names, layout, timers from computed dates. */
class AgreementBpmnModelTests {

    private static final BpmnModelInstance MODEL = BpmnFiles.read("agreement.bpmn");

    @Test
    void theProcessIdIsTheFileNameAndHistoryIsKeptForAWhile() {
        BpmnFiles.assertExecutableWithHistoryTimeToLive(MODEL, AgreementProcess.KEY);
    }

    @Test
    void everyElementHasAHumanNameAndAPlaceInTheDiagram() {
        BpmnFiles.assertNamedAndDrawn(MODEL);
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
