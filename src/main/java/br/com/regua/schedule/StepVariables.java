package br.com.regua.schedule;

import java.util.Objects;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;

import br.com.regua.cases.CollectionProcess;
import br.com.regua.cases.CollectionStages;

/** The one typed accessor to the collection process variables. */
final class StepVariables {

    private StepVariables() {
    }

    static long receivableId(DelegateExecution execution) {
        return ((Number) execution.getVariable(CollectionProcess.VAR_RECEIVABLE_ID)).longValue();
    }

    /**
     * @throws ProcessEngineException when the next stage is one this case's version of the process
     *         has no element for: the planner leaves such stages out, but not a notice the law requires
     *         before a step (a version without the formal notice cannot refer the debt). The step is
     *         retried, then an incident says so, instead of the case going ahead without the notice
     */
    static void write(DelegateExecution execution, ScheduleService.NextStep next, CollectionStages stages) {
        if (!CollectionProcess.NO_MORE_STEPS.equals(next.stage())
                && stages.ofDefinition(execution.getProcessDefinitionId()).stream().noneMatch(s -> s.key().equals(next.stage()))) {
            throw new ProcessEngineException("the policy plans the stage " + next.stage() + ", which " + execution.getProcessDefinitionId()
                    + " has no element for: deploy a version of the process with it and migrate this case "
                    + "(regua.migrate-running-cases), or change the rule that plans it");
        }
        set(execution, CollectionProcess.VAR_STEP_CARRIED_OUT, next.carriedOut());
        set(execution, CollectionProcess.VAR_NEXT_STAGE, next.stage());
        set(execution, CollectionProcess.VAR_NEXT_STEP_AT, next.at());
        set(execution, CollectionProcess.VAR_SEGMENT, next.segment().name());
        set(execution, CollectionProcess.VAR_TASK_PRIORITY, next.priority());
        set(execution, CollectionProcess.VAR_CALL_GROUPS, callGroups(next.callGroups()));
    }

    /**
     * The candidate groups of the collector's call, as the engine reads a list of groups (comma-separated).
     * A policy that names none gives the call to the role's own group: a task no one may see is a call never made.
     */
    static String callGroups(java.util.List<String> groups) {
        return groups == null || groups.isEmpty() ? br.com.regua.cases.CollectionProcess.DEFAULT_CALL_GROUP : String.join(",", groups);
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
