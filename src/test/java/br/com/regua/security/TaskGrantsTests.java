package br.com.regua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import br.com.regua.support.ReguaSpringTests;

/**
 * A database from before authorizations were on: its open tasks carry no grant, and collectors
 * would see none of them in Tasklist until the first start of this version gives them theirs.
 */
class TaskGrantsTests extends ReguaSpringTests {

    private String taskId;

    @Test
    void anOpenTaskWithoutGrantsIsGivenToItsCandidateGroupOnceAndNoOneElse() {
        Task task = tasks.newTask();
        task.setName("Call the debtor (made before authorizations)");
        tasks.saveTask(task);
        taskId = task.getId();
        tasks.addCandidateGroup(taskId, Role.COLLECTOR.group());
        // as a database of the version before would have it: no grant for the task
        engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).list()
                .forEach(a -> engine.getAuthorizationService().deleteAuthorization(a.getId()));
        management.deleteProperty(IdentityBootstrap.TASK_GRANTS_DONE);
        assertThat(visibleTo(Role.COLLECTOR)).isFalse();

        IdentityBootstrap.grantOpenTasksToTheirCandidates(engine);

        assertThat(visibleTo(Role.COLLECTOR)).isTrue();
        assertThat(visibleTo(Role.INTEGRATION)).isFalse();
        assertThat(management.getProperties()).containsEntry(IdentityBootstrap.TASK_GRANTS_DONE, "done");
    }

    private boolean visibleTo(Role role) {
        identity.setAuthentication("someone-of-" + role.group(), List.of(role.group()));
        try {
            return tasks.createTaskQuery().taskId(taskId).count() == 1;
        } finally {
            identity.clearAuthentication();
        }
    }

    @AfterEach
    void removeTheTask() {
        if (taskId != null) {
            tasks.deleteTask(taskId, true);
        }
    }
}
