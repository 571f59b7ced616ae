package br.com.regua.promise;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.api.Test;

import br.com.regua.support.BpmnFiles;

/** The shape of processes/promise.bpmn, read without an engine: names, layout, timers from the promise's own dates. */
class PromiseBpmnModelTests {

    private static final BpmnModelInstance MODEL = BpmnFiles.read("promise.bpmn");

    @Test
    void theProcessIdIsTheFileNameAndHistoryIsKeptForAWhile() {
        BpmnFiles.assertExecutableWithHistoryTimeToLive(MODEL, PromiseProcess.KEY);
    }

    @Test
    void everyElementHasAHumanNameAndAPlaceInTheDiagram() {
        BpmnFiles.assertNamedAndDrawn(MODEL);
    }

    @Test
    void timersWaitOnlyForDatesComputedFromThePromiseAndItsTolerance() {
        for (TimerEventDefinition timer : MODEL.getModelElementsByType(TimerEventDefinition.class)) {
            assertThat(timer.getTimeDuration()).isNull();
            assertThat(timer.getTimeCycle()).isNull();
            assertThat(timer.getTimeDate().getTextContent()).isIn("${" + PromiseProcess.VAR_REMINDER_AT + "}",
                    "${" + PromiseProcess.VAR_TOLERANCE_ENDS_AT + "}");
        }
    }

    @Test
    void theWaitRemindsWithoutInterruptingAndClosesThePromiseWhenTheToleranceIsOver() {
        ReceiveTask await = MODEL.getModelElementById(PromiseProcess.AWAIT_PAYMENT);
        assertThat(await.getMessage().getName()).isEqualTo(PromiseProcess.MESSAGE_PROMISE_KEPT);
        BoundaryEvent reminder = MODEL.getModelElementById(PromiseProcess.TIMER_REMINDER);
        BoundaryEvent tolerance = MODEL.getModelElementById(PromiseProcess.TIMER_TOLERANCE_OVER);
        assertThat(reminder.getAttachedTo()).isEqualTo(await);
        assertThat(reminder.cancelActivity()).isFalse();
        assertThat(tolerance.getAttachedTo()).isEqualTo(await);
        assertThat(tolerance.cancelActivity()).isTrue();
    }
}
