package br.com.regua.policy;

import static br.com.regua.policy.CaseFactsFixtures.businessOwing;
import static br.com.regua.policy.CaseFactsFixtures.consumerOwing;
import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;

/**
 * How compliance.drl's logic holds whatever another rule does: the legal cap on the late fee, the
 * bureau report's waiting period, no report without a notice, the limitation period, the strictest
 * weekly limit, and rules that undo each other. Each test adds a rule that does the wrong thing, on
 * tables of the tests' own; the numbers of the live tables are the scenarios' to pin down
 * (rules/scenarios/compliance*.csv).
 */
class ComplianceRulesTests {

    private static final String FIVE_PERCENT_FINE = """
            package br.com.regua.policy;
            import java.math.BigDecimal;
            rule "Test: somebody sets a 5% late fee"
            when
                $r : ChargeRates( fineRate == 0.02B, monthlyInterestRate == 0.01B )
            then
                modify($r) { setFineRate(new BigDecimal("0.05")), setMonthlyInterestRate(new BigDecimal("0.011")) }
            end
            """;

    @Test
    void aConsumersLateFeeIsCappedAtTwoPercentWhateverAnotherRuleSets() {
        PolicyEngine withFivePercent = LogicWithTestTables.with("test-fine.drl", FIVE_PERCENT_FINE);

        assertThat(withFivePercent.evaluate(consumerOwing("1000.00").build()).chargeRates().getFineRate()).isEqualByComparingTo("0.02");
        // between companies the cap does not apply
        assertThat(withFivePercent.evaluate(businessOwing("1000.00").build()).chargeRates().getFineRate()).isEqualByComparingTo("0.05");
    }


    @Test
    void theBureauReportWaitsTenDaysAfterThePlannedPriorNotice() {
        PolicyEngine lateReport = LogicWithTestTables.with("test-report.drl", """
                package br.com.regua.policy;
                rule "Test: report the day after the notice"
                when
                    CaseFacts()
                then
                    insert(new PlannedStep("BUREAU_REPORT", 36));
                end
                """);

        PolicyDecision d = lateReport.evaluate(consumerOwing("1000.00").build());

        assertThat(d.plan()).filteredOn(s -> "BUREAU_REPORT".equals(s.getStage())).extracting(PlannedStep::getDay)
                .isNotEmpty().allMatch(day -> day >= 45);
    }

    @Test
    void noBureauReportWithoutAPriorNotice() {
        PolicyEngine noNotice = LogicWithTestTables.with("test-no-notice.drl", """
                package br.com.regua.policy;
                rule "Test: no prior notice"
                when
                    $n : PlannedStep( stage == "BUREAU_PRIOR_NOTICE" )
                then
                    delete($n);
                end
                """);

        assertThat(noNotice.evaluate(consumerOwing("1000.00").build()).dayOf("BUREAU_REPORT")).isEmpty();
    }

    @Test
    void rulesThatUndoEachOtherAreStoppedInsteadOfHangingTheCase() {
        PolicyEngine looping = LogicWithTestTables.with("test-loop.drl", """
                package br.com.regua.policy;
                import java.math.BigDecimal;
                rule "Test: always raise the fee"
                when
                    $r : ChargeRates( fineRate <= 0.02B )
                then
                    modify($r) { setFineRate(new BigDecimal("0.05")) }
                end
                """);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> looping.evaluate(consumerOwing("1000.00").build()))
                .isInstanceOf(PolicyOutputException.class).hasMessageContaining("Test: always raise the fee");
    }

    @Test
    void noStepAfterTheDebtIsTimeBarred() {
        PolicyEngine late = LogicWithTestTables.with("test-late.drl", """
                package br.com.regua.policy;
                rule "Test: steps around five years"
                when
                    CaseFacts()
                then
                    insert(new PlannedStep("COLLECTION_AGENCY", 1825));
                    insert(new PlannedStep("COLLECTION_AGENCY", 1826));
                end
                """);

        PolicyDecision d = late.evaluate(consumerOwing("1000.00").build());

        assertThat(d.plan()).extracting(PlannedStep::getDay).contains(1825).doesNotContain(1826);
    }

    @Test
    void theStrictestWeeklyLimitWins() {
        PolicyEngine stricter = LogicWithTestTables.with("test-limit.drl", """
                package br.com.regua.policy;
                rule "Test: risky debtors hear from us twice a week at most"
                when
                    CaseFacts()
                then
                    insert(new ContactLimit(2));
                end
                """);
        assertThat(stricter.evaluate(consumerOwing("100.00").build()).maxContactsPerWeek()).isEqualTo(2);
    }

}
