package br.com.regua.schedule;

import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The one typed accessor to the collection process variables. */
final class StepVariables {

    private StepVariables() {
    }

    static long receivableId(DelegateExecution execution) {
        return ((Number) execution.getVariable(CollectionProcess.VAR_RECEIVABLE_ID)).longValue();
    }

    static void write(DelegateExecution execution, ScheduleService.NextStep next) {
        set(execution, CollectionProcess.VAR_STEP_CARRIED_OUT, next.carriedOut());
        set(execution, CollectionProcess.VAR_NEXT_STAGE, next.stage());
        set(execution, CollectionProcess.VAR_NEXT_STEP_AT, next.at());
        set(execution, CollectionProcess.VAR_SEGMENT, next.segment().name());
        set(execution, CollectionProcess.VAR_TASK_PRIORITY, next.priority());
    }

    /**
     * Writes a variable only when its value changes: the engine records every write (a row update
     * and a history entry), and most steps leave the segment and the "carried out" flag as they were.
     */
    private static void set(DelegateExecution execution, String name, Object value) {
        if (!execution.hasVariable(name) || !Objects.equals(execution.getVariable(name), value)) {
            execution.setVariable(name, value);
        }
    }
}
