package br.com.regua.config;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Lets the job executor find due timers through indexes. Camunda's acquisition query otherwise
 * reads the job table from the start until it has enough due jobs, past every timer of every
 * waiting case (one per open receivable), and reads the whole table again for the jobs other
 * threads hold: on a schedule day it was the database's largest cost. With every job given a due
 * date and jobs acquired in due-date order, the query walks an index on the due date from the
 * oldest and stops after one bite (so the earliest steps run first), and finds the held jobs
 * through an index on the lock owner. The indexes themselves are a database migration
 * ({@link CamundaSchema#tuneJobTable}).
 */
@Component
public class JobAcquisitionTuning extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnsureJobDueDateNotNull(true);
        configuration.setJobExecutorAcquireByDueDate(true);
    }
}
