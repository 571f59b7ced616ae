package br.com.regua.policy;

import static br.com.regua.policy.CaseFactsFixtures.consumerOwing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * How the agency tables' rows are read: shares of two matching rows split the debts, each debt
 * always to the same agency; two commission rows for one debt are refused. The live rows are the
 * scenarios' to pin down (rules/scenarios/agencies.csv, agency-commission.csv). Runs on rules of the tests' own.
 */
class AgencyRulesTests {

    @Test
    void debtsMatchingTwoRowsAreSplitByTheirSharesAndEachDebtAlwaysGoesToTheSameAgency() {
        PolicyEngine split = LogicWithTestTables.with("split.drl", """
                package br.com.regua.policy;
                import java.math.BigDecimal;

                rule "Seven in ten debts go to alfa"
                when
                    CaseFacts()
                then
                    insert(new AgencyShare("alfa", new BigDecimal("0.70")));
                end

                rule "Three in ten debts go to beta"
                when
                    CaseFacts()
                then
                    insert(new AgencyShare("beta", new BigDecimal("0.30")));
                end
                """);

        AgencyTerms terms = split.agencyTerms(consumerOwing("1500.00").build());

        assertThat(terms.sharesText()).isEqualTo("alfa 70% beta 30%");
        long toAlfa = IntStream.range(0, 1000).mapToObj(i -> "INV-" + i).filter(id -> terms.agencyFor(id).orElseThrow().equals("alfa"))
                .count();
        assertThat(toAlfa).as("debts of 1000 placed with alfa").isBetween(650L, 750L);
        assertThat(terms.agencyFor("INV-7")).isEqualTo(terms.agencyFor("INV-7"))
                .isEqualTo(split.agencyTerms(consumerOwing("1500.00").build()).agencyFor("INV-7"));
        assertThat(terms.rulesFired()).contains("Seven in ten debts go to alfa", "Three in ten debts go to beta");
    }

    @Test
    void twoCommissionRowsMatchingOneDebtAreRefused() {
        PolicyEngine overlapping = LogicWithTestTables.with("commission.drl", """
                package br.com.regua.policy;
                import java.math.BigDecimal;

                rule "Ten percent"
                when
                    CaseFacts()
                then
                    insert(new AgencyCommission(new BigDecimal("0.10")));
                end

                rule "Fifteen percent"
                when
                    CaseFacts()
                then
                    insert(new AgencyCommission(new BigDecimal("0.15")));
                end
                """);

        assertThatThrownBy(() -> overlapping.agencyTerms(consumerOwing("1500.00").build()))
                .isInstanceOf(PolicyOutputException.class).hasMessageContaining("two rows of the agency commission");
    }

    @Test
    void aDebtNoRowMatchesGoesToNoAgencyAndEarnsNoCommission() {
        AgencyTerms none = new PolicyEngine(LogicWithTestTables.compiled()).agencyTerms(consumerOwing("1500.00").build());

        assertThat(none.agencyFor("INV-1")).isEmpty();
        assertThat(none.sharesText()).isEqualTo("none");
        assertThat(none.commissionRate()).isNull();
    }
}
