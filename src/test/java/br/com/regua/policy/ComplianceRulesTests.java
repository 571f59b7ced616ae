package br.com.regua.policy;

import static br.com.regua.policy.CaseFactsFixtures.businessOwing;
import static br.com.regua.policy.CaseFactsFixtures.consumerOwing;
import static org.assertj.core.api.Assertions.assertThat;


import java.util.HashMap;
import java.util.List;
import java.util.Map;

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


    @Test
    void aStatesOwnRowsReplaceTheDefaultRowsOnTheirTopicForItsDebtorsOnly() {
        Map<String, String> files = new HashMap<>(LogicWithTestTables.files());
        String table = files.get("compliance.drl.csv");
        String edited = table
                .replace("Late charges of consumers,CONSUMER,,0.02,0.01,", "Late charges of consumers in Minas,CONSUMER,MG,0.01,0.005,x\n"
                        + "Late charges of consumers,CONSUMER,,0.02,0.01,")
                .replace("A consumer's late fee never exceeds the legal cap,CONSUMER,,0.02,", "A stricter cap in Minas,CONSUMER,MG,0.015,x\n"
                        + "A consumer's late fee never exceeds the legal cap,CONSUMER,,0.02,")
                .replace("Debtors hear from us a few times a week at most,3,,", "Debtors in Minas hear from us twice a week at most,2,MG,x\n"
                        + "Debtors hear from us a few times a week at most,3,,")
                .replace("No credit bureau report without the prior notice delivered days before,BUREAU_PRIOR_NOTICE,BUREAU_REPORT,,10,",
                        "A longer bureau wait in Minas,BUREAU_PRIOR_NOTICE,BUREAU_REPORT,MG,20,x\n"
                                + "No credit bureau report without the prior notice delivered days before,BUREAU_PRIOR_NOTICE,BUREAU_REPORT,,10,");
        assertThat(edited).as("every row was found").isNotEqualTo(table);
        files.put("compliance.drl.csv", edited);
        PolicyEngine engine = new PolicyEngine(CompiledPolicy.compile(files));

        PolicyDecision minas = engine.evaluate(consumerOwing("1000.00").state("MG").build());
        PolicyDecision saoPaulo = engine.evaluate(consumerOwing("1000.00").state("SP").build());
        PolicyDecision unknown = engine.evaluate(consumerOwing("1000.00").state(null).build());

        assertThat(minas.chargeRates().getFineRate()).isEqualByComparingTo("0.01");
        assertThat(minas.chargeRates().getMonthlyInterestRate()).isEqualByComparingTo("0.005");
        assertThat(minas.maxContactsPerWeek()).isEqualTo(2);
        assertThat(minas.dayOf("BUREAU_REPORT")).contains(55);
        assertThat(minas.noticesRequiredBy("BUREAU_REPORT")).extracting(RequiredNotice::getDays).containsOnly(20);
        for (PolicyDecision other : List.of(saoPaulo, unknown)) {
            assertThat(other.chargeRates().getFineRate()).isEqualByComparingTo("0.02");
            assertThat(other.maxContactsPerWeek()).isEqualTo(3);
            assertThat(other.dayOf("BUREAU_REPORT")).contains(45);
            assertThat(other.noticesRequiredBy("BUREAU_REPORT")).extracting(RequiredNotice::getDays).containsOnly(10);
        }
        // a rule that raises every fee to 5%: the state's own cap holds its debtors, the default cap the others
        Map<String, String> withFivePercent = new HashMap<>(files);
        withFivePercent.put("test-fine.drl", FIVE_PERCENT_FINE.replace("fineRate == 0.02B, monthlyInterestRate == 0.01B", "monthlyInterestRate != 0.011B"));
        PolicyEngine raised = new PolicyEngine(CompiledPolicy.compile(withFivePercent));
        assertThat(raised.evaluate(consumerOwing("1000.00").state("MG").build()).chargeRates().getFineRate()).isEqualByComparingTo("0.015");
        assertThat(raised.evaluate(consumerOwing("1000.00").state("SP").build()).chargeRates().getFineRate()).isEqualByComparingTo("0.02");
    }
}
