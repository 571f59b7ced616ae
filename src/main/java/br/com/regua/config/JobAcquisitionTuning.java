package br.com.regua.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets the job executor find due timers through indexes. Camunda's acquisition query otherwise
 * reads the job table from the start until it has enough due jobs, past every timer of every
 * waiting case (one per open receivable), and reads the whole table again for the jobs other
 * threads hold: on a schedule day it was the database's largest cost. With every job given a due
 * date and jobs acquired in due-date order, the query walks an index on the due date from the
 * oldest and stops after one bite (so the earliest steps run first), and finds the held jobs
 * through an index on the lock owner.
 */
@Component
public class JobAcquisitionTuning extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionTuning.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnsureJobDueDateNotNull(true);
        configuration.setJobExecutorAcquireByDueDate(true);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        DataSource dataSource = configuration.getDataSource();
        String prefix = configuration.getDatabaseTablePrefix();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                sql.execute("create index if not exists regua_idx_job_duedate on " + prefix + "ACT_RU_JOB (DUEDATE_)");
                sql.execute("create index if not exists regua_idx_job_lock_owner on " + prefix + "ACT_RU_JOB (LOCK_OWNER_)");
                // jobs made before due dates were ensured would never be acquired by the due-date query
                int dated = sql.executeUpdate("update " + prefix + "ACT_RU_JOB set DUEDATE_ = coalesce(CREATE_TIME_, current_timestamp)"
                        + " where DUEDATE_ is null");
                if (dated > 0) {
                    log.info("{} job(s) without a due date given their creation time, so the job executor finds them", dated);
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the job table for acquisition by due date: " + e.getMessage(), e);
        }
    }
}
