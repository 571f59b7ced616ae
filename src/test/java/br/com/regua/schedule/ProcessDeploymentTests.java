package br.com.regua.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import br.com.regua.config.ProcessDirectoryDeployer;
import br.com.regua.config.ReguaProperties;
import br.com.regua.support.ReguaSpringTests;

class ProcessDeploymentTests extends ReguaSpringTests {

    @Autowired
    ProcessDirectoryDeployer deployer;
    @Autowired
    ReguaProperties properties;

    @Test
    void theCollectionProcessIsDeployedFromTheProcessesDirectoryWithItsFileName() {
        var definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(CollectionProcess.KEY).latestVersion().singleResult();

        assertThat(definition.getResourceName()).isEqualTo("collection.bpmn");
        assertThat(definition.getName()).isNotBlank();
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

        new ProcessDirectoryDeployer(new ReguaProperties(properties.rulesDir(), dir, properties.timeZone(), properties.creditor()))
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
