package br.com.regua.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import br.com.regua.cases.CaseEvents;
import br.com.regua.cases.CollectionStages;
import br.com.regua.contact.ContactService;
import br.com.regua.policy.PolicyCompilationException;
import br.com.regua.policy.PolicyWorkbench;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.support.Receivables;
import br.com.regua.support.ReguaSpringTests;
import br.com.regua.support.TestPolicy;

/**
 * What a process analyst and a credit manager do to add a stage, with no Java and no new build:
 * a task in the BPMN that declares the stage, a rule that plans it, a template for its message.
 * Here: a notice that the debt may be protested at a notary's office (protesto em cartório),
 * on day 40, between the credit bureau's prior notice and its report.
 */
class StageAddedWithoutJavaTests extends ReguaSpringTests {

    private static final Path HOME = Path.of("target", "stage-added");

    @DynamicPropertySource
    static void directoriesWithTheNewStage(DynamicPropertyRegistry registry) {
        copyWithTheNewStage();
        // a database of its own: this server's policy and process differ from the shared test server's
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:regua-stage-added;DB_CLOSE_DELAY=-1");
        registry.add("regua.rules-dir", () -> HOME.resolve("rules").toString());
        registry.add("regua.processes-dir", () -> HOME.resolve("processes").toString());
        registry.add("regua.contact.templates-dir", () -> HOME.resolve("templates").toString());
    }

    @Autowired
    ReceivableService receivables;
    @Autowired
    ReceivableRepository repository;
    @Autowired
    CaseEvents events;
    @Autowired
    ContactService contacts;
    @Autowired
    CollectionStages stages;
    @Autowired
    PolicyWorkbench workbench;

    @Test
    void theNewStageRunsInItsPlaceSendsItsMessageAndShowsInTheTimeline() {
        assertThat(stages.find("PROTEST_NOTICE")).get().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Send protest notice");
            assertThat(s.message()).isTrue();
        });

        // due Monday 16 March; R$ 2.500,00, so the rule plans the protest notice on day 40 (Saturday 25 April)
        setClock("2026-03-02T10:00:00-03:00");
        receivables.register(Receivables.owing("protest-1", "2500.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 16)));
        ProcessInstance pi = caseOf("protest-1");

        fireTimersUntilPassed(pi.getId(), "Task_ReportToBureau", 20);

        long id = repository.findByExternalId("protest-1").orElseThrow().id();
        assertThat(stagesReached("protest-1")).containsSubsequence("FORMAL_NOTICE", "BUREAU_PRIOR_NOTICE", "PROTEST_NOTICE", "BUREAU_REPORT");
        List<ContactService.Contact> protest = contacts.forReceivable(id).stream()
                .filter(c -> "PROTEST_NOTICE".equals(c.stage())).toList();
        assertThat(protest).isNotEmpty().allSatisfy(c -> {
            assertThat(c.subject()).isEqualTo("Aviso de protesto: Mensalidade de março");
            assertThat(c.createdAt().toLocalDate()).isEqualTo(LocalDate.of(2026, 4, 25));
        });
        assertThat(protest.get(0).body()).contains("protesto em cartório", "Lei 9.492/1997", "Total: R$");
    }

    /**
     * The stage arrives in a new version while cases run: one that stays on its version (the default,
     * {@code regua.migrate-running-cases=false}) keeps that version's schedule and never gets the new
     * stage; one moved to the new version (the migration plan Régua makes, equal activities mapped)
     * gets it in its place. Both still get every notice the law requires.
     */
    @Test
    void aCaseThatStaysOnItsVersionKeepsItsScheduleAndAMovedOneGetsTheNewStage() {
        String withStage = read(HOME.resolve("processes/collection.bpmn"));
        ProcessDefinition before = deploy("before the protest notice", read(Path.of("processes/collection.bpmn")));
        setClock("2026-03-02T10:00:00-03:00");
        receivables.register(Receivables.owing("protest-stays", "2500.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 16)));
        receivables.register(Receivables.owing("protest-moves", "2500.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 16)));
        ProcessDefinition after = deploy("with the protest notice", withStage);

        ProcessInstance moves = caseOf("protest-moves");
        runtime.newMigration(runtime.createMigrationPlan(before.getId(), after.getId()).mapEqualActivities().updateEventTriggers().build())
                .processInstanceIds(moves.getId()).execute();
        ProcessInstance stays = caseOf("protest-stays");

        // both walk the same days, timer by timer in date order, until both have reported to the bureau
        for (int i = 0; i < 60 && !(hasPassed(stays.getId(), "Task_ReportToBureau") && hasPassed(moves.getId(), "Task_ReportToBureau")); i++) {
            management.createJobQuery().processInstanceIds(Set.of(stays.getId(), moves.getId())).orderByJobDuedate().asc()
                    .list().stream().findFirst().ifPresent(job -> fireNextTimer(job.getProcessInstanceId()));
        }

        assertThat(caseOf("protest-stays").getProcessDefinitionId()).isEqualTo(before.getId());
        assertThat(caseOf("protest-moves").getProcessDefinitionId()).isEqualTo(after.getId());
        assertThat(stagesReached("protest-stays")).containsSubsequence("FORMAL_NOTICE", "BUREAU_PRIOR_NOTICE", "BUREAU_REPORT")
                .doesNotContain("PROTEST_NOTICE");
        assertThat(stagesReached("protest-moves"))
                .containsSubsequence("FORMAL_NOTICE", "BUREAU_PRIOR_NOTICE", "PROTEST_NOTICE", "BUREAU_REPORT");
        assertThat(runtime.createIncidentQuery().processInstanceId(stays.getId()).count()).isZero();
    }

    private ProcessDefinition deploy(String name, String bpmn) {
        return engine.getRepositoryService().createDeployment().name(name).addString("collection.bpmn", bpmn).deployWithResult()
                .getDeployedProcessDefinitions().get(0);
    }

    private List<String> stagesReached(String externalId) {
        long id = repository.findByExternalId(externalId).orElseThrow().id();
        return events.forReceivable(id).stream().filter(e -> e.kind() == CaseEvents.Kind.STAGE).map(CaseEvents.CaseEvent::stage).toList();
    }

    @Test
    void aRuleThatPlansAStageTheProcessDoesNotHaveIsRefusedWithItsFileAndLine() {
        Map<String, String> files = workbench.withEdits(Map.of("protest.drl", """
                package br.com.regua.policy;

                rule "Debts of R$ 1,000 or more get a protest notice on day 40"
                when
                    CaseFacts( balance >= 1000.00B )
                then
                    insert(new PlannedStep("PROTEST_NOTCE", 40));
                end
                """));

        assertThatThrownBy(() -> workbench.validate(files)).isInstanceOfSatisfying(PolicyCompilationException.class, e ->
                assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.file()).isEqualTo("protest.drl");
                    assertThat(error.line()).isEqualTo(7);
                    assertThat(error.message()).contains("no stage PROTEST_NOTCE in the collection process", "PROTEST_NOTICE");
                }));
    }

    @Test
    void aStageThatWritesToTheDebtorWithNoTemplateIsNotDeployed() {
        String bpmn = read(HOME.resolve("processes/collection.bpmn")).replace("value=\"PROTEST_NOTICE\"", "value=\"NOTARY_NOTICE\"");

        assertThatThrownBy(() -> engine.getRepositoryService().createDeployment().addString("collection.bpmn", bpmn).deploy())
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.getResorceReports().get(0).getErrors())
                        .anySatisfy(problem -> {
                            assertThat(problem.getMainElementId()).isEqualTo("Task_SendProtestNotice");
                            assertThat(problem.getLine()).isPositive();
                            assertThat(problem.getMessage()).contains("NOTARY_NOTICE", "no template NOTARY_NOTICE.txt");
                        }));
        assertThat(stages.find("NOTARY_NOTICE")).isEmpty();
    }

    /** The tests' policy, the shipped process and nothing else, plus the new stage: what the analyst and the manager would write. */
    private static void copyWithTheNewStage() {
        try {
            Path rules = Files.createDirectories(HOME.resolve("rules"));
            try (Stream<Path> shipped = Files.walk(TestPolicy.DIR)) {
                for (Path file : shipped.filter(Files::isRegularFile).toList()) {
                    Path target = rules.resolve(TestPolicy.DIR.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.writeString(rules.resolve("protest.drl"), resource("protest.drl"));
            Path templates = Files.createDirectories(HOME.resolve("templates"));
            Files.writeString(templates.resolve("PROTEST_NOTICE.txt"), resource("PROTEST_NOTICE.txt"));
            Path processes = Files.createDirectories(HOME.resolve("processes"));
            Files.writeString(processes.resolve("collection.bpmn"), read(Path.of("processes/collection.bpmn")).replace(
                    "      <bpmn:endEvent id=\"EndEvent_WrittenOff\" name=\"Written off\" />\n", """
                          <bpmn:endEvent id="EndEvent_WrittenOff" name="Written off" />
                          <bpmn:intermediateCatchEvent id="Timer_UntilProtestNotice" name="Until the protest notice date">
                            <bpmn:timerEventDefinition id="Timer_UntilProtestNotice_Definition">
                              <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${nextStepAt}</bpmn:timeDate>
                            </bpmn:timerEventDefinition>
                          </bpmn:intermediateCatchEvent>
                          <bpmn:serviceTask id="Task_SendProtestNotice" name="Send protest notice" camunda:delegateExpression="${executeStepDelegate}">
                            <bpmn:extensionElements>
                              <camunda:properties>
                                <camunda:property name="stage" value="PROTEST_NOTICE" />
                                <camunda:property name="order" value="85" />
                                <camunda:property name="message" value="true" />
                              </camunda:properties>
                            </bpmn:extensionElements>
                          </bpmn:serviceTask>
                          <bpmn:sequenceFlow id="Flow_ToProtestNotice" name="Protest notice" sourceRef="Gateway_NextStage" targetRef="Timer_UntilProtestNotice">
                            <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${nextStage == 'PROTEST_NOTICE'}</bpmn:conditionExpression>
                          </bpmn:sequenceFlow>
                          <bpmn:sequenceFlow id="Flow_ProtestNoticeDue" sourceRef="Timer_UntilProtestNotice" targetRef="Task_SendProtestNotice" />
                          <bpmn:sequenceFlow id="Flow_ProtestNoticeDone" sourceRef="Task_SendProtestNotice" targetRef="Gateway_BackToSchedule" />
                    """));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (var in = StageAddedWithoutJavaTests.class.getResourceAsStream("/stage-added/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
