package br.com.regua.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A policy version stored by an earlier Régua is compiled again at every start: what its rules
 * wrote then must still compile, or the server would not start after an upgrade.
 */
class StoredPolicyCompatibilityTests {

    @Test
    void chargeRatesWrittenBeforeTheMonthLengthWasARulesStillCompileAsTheCommercialMonth() {
        CompiledPolicy stored = CompiledPolicy.compile(Map.of("rates.drl", """
                package br.com.regua.policy;

                import java.math.BigDecimal;

                rule "Every debtor pays a 2% late fee and 1% a month interest"
                when
                    CaseFacts()
                then
                    insert(new ChargeRates(new BigDecimal("0.02"), new BigDecimal("0.01")));
                end
                """));

        assertThat(stored.ruleNames()).contains("Every debtor pays a 2% late fee and 1% a month interest");
        assertThat(new ChargeRates(new java.math.BigDecimal("0.02"), new java.math.BigDecimal("0.01")).getDaysPerMonth())
                .isEqualTo(30);
    }

    @Test
    void theVersionStoredBeforeTheNumbersMovedIntoTablesStillCompilesAndDecides() {
        // the whole policy as it was, kept in the test resources: its DRL names only the facts it named then
        CompiledPolicy stored = CompiledPolicy.compile(FrozenPolicy.compiled().files());

        assertThat(stored.ruleNames()).contains("Good payers get five days of grace", "Consumers pay a 2% late fee and 1% a month interest");
        assertThat(new PolicyEngine(stored).evaluate(CaseFactsFixtures.withHistory(CaseFactsFixtures.goodPayer()).build()).graceDays())
                .isEqualTo(5);
    }
}
