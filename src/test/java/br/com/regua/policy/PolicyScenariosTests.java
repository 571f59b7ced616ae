package br.com.regua.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import br.com.regua.support.ProcessStages;
import org.junit.jupiter.api.Test;

/** The credit managers' scenarios in rules/scenarios/ run against the default policy, as activation runs them. */
class PolicyScenariosTests {

    @Test
    void everyScenarioOfTheDefaultPolicyPasses() {
        ScenarioReport report = ScenarioRunner.run(DefaultPolicy.compiled(), ProcessStages.collection());

        assertThat(report.run()).isPositive();
        assertThat(ScenarioRunner.describe(report.failures())).isEmpty();
    }

    @Test
    void everyRuleOfTheDefaultPolicyFiresInSomeScenario() {
        ScenarioReport report = ScenarioRunner.run(DefaultPolicy.compiled(), ProcessStages.collection());

        Set<String> neverFired = new TreeSet<>(DefaultPolicy.compiled().ruleNames());
        neverFired.removeAll(report.rulesFired());
        neverFired.removeAll(SAFETY_NETS);
        assertThat(neverFired).as("rules no scenario exercises").isEmpty();
    }

    /**
     * Compliance rules that only correct what another rule got wrong: the default policy never sets
     * a consumer fee above 2%, never plans a report too soon after its notice and never drops a
     * notice but keeps its report, so no facts a scenario can give make them fire. ComplianceRulesTests
     * covers them with a test rule that does the wrong thing. Should one of them ever fire from the
     * default policy, it is no longer a safety net: take it off this list.
     */
    private static final Set<String> SAFETY_NETS = Set.of(
            "A late fee never exceeds its legal cap",
            "No credit bureau report less than the waiting period after the planned prior notice",
            "No credit bureau report without a prior notice",
            // risky debtors' friendly reminders come on days 1 and 5: none is left after the early notice of day 10
            "Large risky debts get no friendly reminder after the early formal notice");

    @Test
    void theSafetyNetsNeverFireFromTheDefaultPolicyAlone() {
        ScenarioReport report = ScenarioRunner.run(DefaultPolicy.compiled(), ProcessStages.collection());

        assertThat(DefaultPolicy.compiled().ruleNames()).containsAll(SAFETY_NETS);
        assertThat(report.rulesFired()).doesNotContainAnyElementsOf(SAFETY_NETS);
    }

    @Test
    void aScenarioThatExpectsOtherwiseFailsWithExpectedAndActual() {
        Map<String, String> files = new HashMap<>(FrozenPolicy.compiled().files());
        files.put("scenarios/mine.csv", """
                scenario;amount;days overdue;paid on time;paid late;average days late;expected segment;expected grace days
                good payer;900,00;3;4;0;1;GOOD_PAYER;3
                """);

        ScenarioReport report = ScenarioRunner.run(CompiledPolicy.compile(files), ProcessStages.collection());

        assertThat(report.failures()).containsExactly(
                new ScenarioFailure("scenarios/mine.csv", 2, "good payer", "grace days", "3", "5"));
    }

    @Test
    void anEditedRuleBreaksTheScenariosThatDependOnIt() {
        Map<String, String> files = new HashMap<>(FrozenPolicy.compiled().files());
        files.put("grace.drl", files.get("grace.drl").replace("insert(new GracePeriod(5));", "insert(new GracePeriod(7));"));

        ScenarioReport report = ScenarioRunner.run(CompiledPolicy.compile(files), ProcessStages.collection());

        assertThat(report.failures()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.actual()).isIn("7", "GRACE_PERIOD"))
                .anySatisfy(f -> assertThat(f.check()).isEqualTo("grace days"));
    }

    @Test
    void unknownColumnsAndBadValuesAreReportedWithTheirLine() {
        assertThatThrownBy(() -> ScenarioFiles.parse("scenarios/x.csv", """
                # a comment
                scenario;amount;days overdue;expected sgment
                a;10;0;RISKY
                """)).isInstanceOfSatisfying(PolicyCompilationException.class, e -> assertThat(e.errors())
                .containsExactly(new PolicyError("scenarios/x.csv", 2, 0, "unknown column 'expectedsgment'")));

        assertThatThrownBy(() -> ScenarioFiles.parse("scenarios/x.csv", """
                scenario,amount,days overdue,expected segment
                a,ten,0,RISKY
                b,10,0,
                """)).isInstanceOfSatisfying(PolicyCompilationException.class, e -> assertThat(e.errors()).containsExactly(
                new PolicyError("scenarios/x.csv", 2, 0, "amount is not a number: 'ten'"),
                new PolicyError("scenarios/x.csv", 3, 0, "scenario 'b' expects nothing: fill in at least one expected column")));
    }

    @Test
    void spreadsheetNumbersAndQuotedCellsAreRead() {
        List<Scenario> scenarios = ScenarioFiles.parse("scenarios/x.csv", """
                Scenario;Amount;Days overdue;Customer type;Expected segment
                "large; business";"R$ 12.500,50";-3;business;new customer
                """);

        assertThat(scenarios).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("large; business");
            assertThat(s.facts().getPrincipal()).isEqualByComparingTo("12500.50");
            assertThat(s.facts().getDaysOverdue()).isEqualTo(-3);
            assertThat(s.facts().getCustomerType()).isEqualTo(CustomerType.BUSINESS);
            assertThat(s.expectations()).containsEntry("expectedsegment", "new customer");
        });
    }
}
