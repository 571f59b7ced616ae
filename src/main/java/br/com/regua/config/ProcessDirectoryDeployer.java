package br.com.regua.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deploys the BPMN files of the processes directory when the engine is built. Resources are named
 * by bare file name and duplicates are filtered, so an unchanged file is not redeployed and a
 * changed one becomes a new version of its process only.
 */
@Component
public class ProcessDirectoryDeployer extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ProcessDirectoryDeployer.class);

    private final Path processesDir;

    public ProcessDirectoryDeployer(ReguaProperties properties) {
        this.processesDir = properties.processesDir();
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
        log.info("Processes from {}: {} file(s), {} new definition(s)", processesDir.toAbsolutePath().normalize(), files.size(),
                deployed.getDeployedProcessDefinitions() == null ? 0 : deployed.getDeployedProcessDefinitions().size());
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
