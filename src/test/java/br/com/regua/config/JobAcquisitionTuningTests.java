package br.com.regua.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import br.com.regua.support.ReguaSpringTests;

/** The job table as the job executor's due-date acquisition needs it. */
class JobAcquisitionTuningTests extends ReguaSpringTests {

    @Autowired
    ProcessEngineConfigurationImpl configuration;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void jobsAreAcquiredOldestFirstThroughIndexesOnTheDueDateAndTheLockOwner() throws Exception {
        assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
        List<String> indexed = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.getMetaData().getIndexInfo(null, null, "ACT_RU_JOB", false, false)) {
            while (rs.next()) {
                indexed.add(rs.getString("COLUMN_NAME").toUpperCase());
            }
        }
        assertThat(indexed).contains("DUEDATE_", "LOCK_OWNER_");
    }

    @Test
    void everyNewJobHasADueDateAndAnOldOneWithoutIsGivenItsCreationTime() throws Exception {
        engine.getRepositoryService().createDeployment().addModelInstance("tuning-async.bpmn",
                Bpmn.createExecutableProcess("tuningAsync").camundaHistoryTimeToLive(1)
                        .startEvent().camundaAsyncAfter().endEvent().done()).deploy();
        String instance = runtime.startProcessInstanceByKey("tuningAsync", Variables.createVariables()).getId();
        Job continuation = management.createJobQuery().processInstanceId(instance).singleResult();
        assertThat(continuation.getDuedate()).as("an async continuation gets a due date too").isNotNull();

        // as a job made before due dates were ensured: without one, the due-date query would never find it
        jdbc.update("update ACT_RU_JOB set DUEDATE_ = null where ID_ = ?", continuation.getId());
        try (Connection c = dataSource.getConnection()) {
            assertThat(CamundaSchema.tuneJobTable(c)).isPositive();
        }

        Map<String, Object> row = jdbc.queryForMap("select DUEDATE_, CREATE_TIME_ from ACT_RU_JOB where ID_ = ?", continuation.getId());
        assertThat((Timestamp) row.get("DUEDATE_")).isEqualTo((Timestamp) row.get("CREATE_TIME_"));
        assertThat(management.createJobQuery().processInstanceId(instance).executable().count()).isOne();
    }
}
