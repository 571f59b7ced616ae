package br.com.regua.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import br.com.regua.ReguaApplication;

/**
 * The features' boundaries: each top-level package of {@code br.com.regua} is a module, and no two
 * depend on each other in a circle; HTTP ({@code api}) depends on the features and none of them on
 * it. The module diagram in {@code docs/modules/} is written from the same model.
 */
class ModulesTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ReguaApplication.class);

    @Test
    void noFeatureDependsOnAnotherInACircle() {
        MODULES.verify();
    }

    @Test
    void noFeatureDependsOnTheHttpLayer() {
        noClasses().that().resideOutsideOfPackage("br.com.regua.api..")
                .should().dependOnClassesThat().resideInAPackage("br.com.regua.api..")
                .because("api depends on the features, never the reverse: a feature's exceptions and results are its own")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("br.com.regua"));
    }

    @Test
    void theModuleDiagramIsWrittenIntoTheDocs() throws Exception {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        inAStableOrder(Path.of("docs/modules"));

        String diagram = Files.readString(Path.of("docs/modules/components.puml"));
        MODULES.forEach(module -> assertThat(diagram).as(module.getDisplayName()).contains(module.getDisplayName()));
    }

    /**
     * The documenter lists the dependencies in no fixed order: sorted, a diagram changes in the
     * repository only when a dependency does.
     */
    private static void inAStableOrder(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                List<String> lines = Files.readAllLines(file);
                List<String> relations = lines.stream().filter(l -> l.startsWith("Rel(")).sorted().toList();
                Iterator<String> sorted = relations.iterator();
                Files.write(file, lines.stream().map(l -> l.startsWith("Rel(") ? sorted.next() : l).toList());
            }
        }
    }
}
