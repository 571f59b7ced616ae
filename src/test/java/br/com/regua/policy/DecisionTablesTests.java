package br.com.regua.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import br.com.regua.support.ProcessStages;
import org.junit.jupiter.api.Test;

/**
 * Segmentation and discounts became decision tables a credit manager edits in a spreadsheet. They
 * replaced DRL files (kept in the test resources): in the policy of the tests' own (FrozenPolicy), on
 * every scenario, both decide the same.
 */
class DecisionTablesTests {

    static CompiledPolicy withTheDrlTheTablesReplaced() throws IOException {
        Map<String, String> files = new HashMap<>(FrozenPolicy.compiled().files());
        files.remove("segmentation.drl.csv");
        files.remove("discounts.drl.csv");
        for (String drl : List.of("segmentation.drl", "discounts.drl")) {
            files.put(drl, Files.readString(Path.of("src/test/resources/policy-drl", drl)));
        }
        return CompiledPolicy.compile(files);
    }

    @Test
    void theTablesAreCompiledIntoRulesThatFire() {
        List<String> names = FrozenPolicy.compiled().ruleNames();

        assertThat(names).contains("Everybody else is a regular customer",
                "Good payers get up to 10% off the principal in the first 29 days overdue");
        assertThat(FrozenPolicy.evaluate(CaseFactsFixtures.withHistory(CaseFactsFixtures.goodPayer()).build()).rulesFired())
                .contains("Customers with three payments, on average at most 5 days late, are good payers",
                        "Good payers get up to 10% off the principal in the first 29 days overdue");
    }

    @Test
    void tablesAndTheDrlTheyReplaceDecideTheSameOnEveryScenario() throws IOException {
        PolicyEngine tables = new PolicyEngine(FrozenPolicy.compiled());
        PolicyEngine drl = new PolicyEngine(withTheDrlTheTablesReplaced());
        List<Scenario> scenarios = ScenarioFiles.of(FrozenPolicy.compiled().files());

        assertThat(scenarios).hasSizeGreaterThan(50);
        for (Scenario s : scenarios) {
            PolicyDecision t = tables.evaluate(s.facts());
            PolicyDecision d = drl.evaluate(s.facts());
            assertThat(essence(t)).as(s.file() + ":" + s.line() + " " + s.name()).isEqualTo(essence(d));
        }
    }

    @Test
    void theDrlTheTablesReplacedPassesTheSameScenarios() throws IOException {
        assertThat(ScenarioRunner.describe(ScenarioRunner.run(withTheDrlTheTablesReplaced(), ProcessStages.collection()).failures())).isEmpty();
    }

    /** Everything a decision says, without the rule names (a table's rows are named like the rules, but not all of them). */
    private static List<Object> essence(PolicyDecision d) {
        OfferTerms o = d.offerTerms();
        return List.of(d.segment(), d.graceDays(), d.plan().toString(), d.chargeRates().getFineRate().stripTrailingZeros(),
                d.chargeRates().getMonthlyInterestRate().stripTrailingZeros(), d.contactWindows().toString(), d.channels(),
                d.priority(), o.getPrincipalDiscount().stripTrailingZeros(), o.isWaiveCharges(), o.getMaxInstallments(),
                o.getMinInstallment().stripTrailingZeros(), o.getValidDays());
    }
}
