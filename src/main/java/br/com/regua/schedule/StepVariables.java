package br.com.regua.schedule;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The one typed accessor to the collection process variables. */
final class StepVariables {

    private StepVariables() {
    }

    static long receivableId(DelegateExecution execution) {
        return ((Number) execution.getVariable(CollectionProcess.VAR_RECEIVABLE_ID)).longValue();
    }

    static void write(DelegateExecution execution, ScheduleService.NextStep next) {
        execution.setVariable(CollectionProcess.VAR_STEP_CARRIED_OUT, next.carriedOut());
        execution.setVariable(CollectionProcess.VAR_NEXT_STAGE, next.stage());
        execution.setVariable(CollectionProcess.VAR_NEXT_STEP_AT, next.at());
        execution.setVariable(CollectionProcess.VAR_SEGMENT, next.segment().name());
        execution.setVariable(CollectionProcess.VAR_TASK_PRIORITY, next.priority());
    }
}
