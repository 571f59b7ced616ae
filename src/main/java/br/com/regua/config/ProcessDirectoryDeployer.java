package br.com.regua.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import br.com.regua.settings.ReguaProperties;

/**
 * Deploys the BPMN files of the processes directory when the engine is built. Resources are named
 * by bare file name and duplicates are filtered, so an unchanged file is not redeployed and a
 * changed one becomes a new version of its process only.
 */
@Component
public class ProcessDirectoryDeployer extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ProcessDirectoryDeployer.class);

    private final Path processesDir;
    private final boolean migrateRunningCases;

    public ProcessDirectoryDeployer(ReguaProperties properties) {
        this.processesDir = properties.processesDir();
        this.migrateRunningCases = properties.migrateRunningCases();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        List<Path> files = bpmnFiles();
        if (files.isEmpty()) {
            throw new IllegalStateException("no BPMN files in " + processesDir.toAbsolutePath().normalize());
        }
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
                .name("regua-processes").source("regua").enableDuplicateFiltering(true);
        try {
            for (Path file : files) {
                deployment.addString(file.getFileName().toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + processesDir, e);
        }
        DeploymentWithDefinitions deployed = deployment.deployWithResult();
        List<ProcessDefinition> fresh = deployed.getDeployedProcessDefinitions() == null ? List.of()
                : deployed.getDeployedProcessDefinitions();
        log.info("Processes from {}: {} file(s), {} new definition(s)", processesDir.toAbsolutePath().normalize(), files.size(),
                fresh.size());
        if (migrateRunningCases) {
            fresh.forEach(definition -> migrateRunningCases(engine, definition));
        }
    }

    /**
     * Moves the cases still running on earlier versions of {@code definition}'s process to it, as a
     * batch the job executor runs. Activities are matched by id; when the new version lacks one a
     * case waits in, Camunda refuses the plan and those cases stay where they are, said in the log.
     */
    public static void migrateRunningCases(ProcessEngine engine, ProcessDefinition definition) {
        RuntimeService runtime = engine.getRuntimeService();
        for (ProcessDefinition earlier : engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(definition.getKey()).list()) {
            if (earlier.getVersion() >= definition.getVersion()
                    || runtime.createProcessInstanceQuery().processDefinitionId(earlier.getId()).count() == 0) {
                continue;
            }
            try {
                MigrationPlan plan = runtime.createMigrationPlan(earlier.getId(), definition.getId())
                        .mapEqualActivities().updateEventTriggers().build();
                Batch batch = runtime.newMigration(plan)
                        .processInstanceQuery(runtime.createProcessInstanceQuery().processDefinitionId(earlier.getId()))
                        .executeAsync();
                log.info("Running cases of {} version {} move to version {} (batch {})", definition.getKey(), earlier.getVersion(),
                        definition.getVersion(), batch.getId());
            } catch (MigrationPlanValidationException e) {
                log.error("Running cases of {} version {} stay on it: the new version {} cannot take them ({})", definition.getKey(),
                        earlier.getVersion(), definition.getVersion(), e.getMessage());
            }
        }
    }

    private List<Path> bpmnFiles() {
        if (!Files.isDirectory(processesDir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(processesDir)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(".bpmn")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + processesDir, e);
        }
    }
}
