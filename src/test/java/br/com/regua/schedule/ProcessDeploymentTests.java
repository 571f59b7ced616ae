package br.com.regua.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import br.com.regua.cases.CollectionProcess;
import br.com.regua.config.ProcessDirectoryDeployer;
import br.com.regua.settings.ReguaProperties;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.support.Receivables;
import br.com.regua.support.ReguaSpringTests;

class ProcessDeploymentTests extends ReguaSpringTests {

    @Autowired
    ProcessDirectoryDeployer deployer;
    @Autowired
    ReguaProperties properties;
    @Autowired
    ReceivableService receivables;

    @Test
    void theCollectionProcessIsDeployedFromTheProcessesDirectoryWithItsFileName() {
        var definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(CollectionProcess.KEY).latestVersion().singleResult();

        assertThat(definition.getResourceName()).isEqualTo("collection.bpmn");
        assertThat(definition.getName()).isNotBlank();
    }

    @Test
    void runningCasesStayOnTheirVersionUnlessTheyAreMovedToTheNewOne() throws Exception {
        setClock("2026-03-02T10:00:00-03:00");
        receivables.register(Receivables.owing("version-1", "500.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 16)));
        ProcessInstance running = caseOf("version-1");
        fireNextTimer(running.getId()); // the pre-due reminder: the case now waits for the due date
        String waitingAt = runtime.getActiveActivityIds(running.getId()).get(0);

        // an analyst's change to the schedule: the same flow, edited, is a new version of the process
        String edited = Files.readString(Path.of("processes", "collection.bpmn"))
                .replace("</bpmn:definitions>", "<!-- reviewed by the process analysts -->\n</bpmn:definitions>");
        ProcessDefinition next = engine.getRepositoryService().createDeployment().name("analyst-edit")
                .addString("collection.bpmn", edited).deployWithResult().getDeployedProcessDefinitions().get(0);
        assertThat(next.getId()).isNotEqualTo(running.getProcessDefinitionId());

        // regua.migrate-running-cases=false (the default): the case stays on the version it started on
        assertThat(caseOf("version-1").getProcessDefinitionId()).isEqualTo(running.getProcessDefinitionId());

        // =true: it moves, waiting where it was, and goes on from there on the new version
        ProcessDirectoryDeployer.migrateRunningCases(engine, next);
        management.createBatchQuery().list().forEach(batch -> runBatch(batch.getId()));
        ProcessInstance moved = caseOf("version-1");
        assertThat(moved.getProcessDefinitionId()).isEqualTo(next.getId());
        assertThat(runtime.getActiveActivityIds(moved.getId())).containsExactly(waitingAt);
        fireNextTimer(moved.getId());
        assertThat(hasPassed(moved.getId(), waitingAt)).isTrue();
    }

    @Test
    void anUnchangedFileIsNotDeployedAgain() {
        long before = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(CollectionProcess.KEY).count();

        deployer.postProcessEngineBuild(engine);

        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(CollectionProcess.KEY).count())
                .isEqualTo(before);
    }

    @Test
    void aChangedFileBecomesANewVersion(@TempDir Path dir) throws Exception {
        String original = Files.readString(properties.processesDir().resolve("collection.bpmn"));
        Files.writeString(dir.resolve("collection.bpmn"), original.replace("name=\"Collection schedule\"", "name=\"Collection schedule v2\""));
        int before = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(CollectionProcess.KEY)
                .latestVersion().singleResult().getVersion();

        new ProcessDirectoryDeployer(new ReguaProperties(properties.rulesDir(), dir, properties.timeZone(), properties.creditor(), false))
                .postProcessEngineBuild(engine);

        var latest = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(CollectionProcess.KEY)
                .latestVersion().singleResult();
        assertThat(latest.getVersion()).isEqualTo(before + 1);
        assertThat(latest.getName()).isEqualTo("Collection schedule v2");
        // put the real file back as the latest version, for the other tests sharing this engine
        engine.getRepositoryService().createDeployment().name("regua-processes").source("regua")
                .addString("collection.bpmn", original).deploy();
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(CollectionProcess.KEY)
                .latestVersion().singleResult().getName()).isEqualTo("Collection schedule");
    }
}
