package br.com.regua.policy;

import static br.com.regua.policy.CaseFactsFixtures.goodPayer;
import static br.com.regua.policy.CaseFactsFixtures.withHistory;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How grace.drl's logic combines the days of grace a table grants (the days themselves are the
 * scenarios' to pin down: rules/scenarios/grace.csv). Runs on tables of the tests' own.
 */
class GraceRulesTests {

    @Test
    void whenTwoRulesGrantGraceTheLongestWinsWithOneGraceStage() {
        PolicyEngine seasonal = LogicWithTestTables.with("season.drl", """
                package br.com.regua.policy;

                rule "New customers get three days in the test season"
                when
                    InSegment( segment == Segment.NEW_CUSTOMER )
                then
                    insert(new GracePeriod(3));
                end
                """);

        PolicyDecision d = seasonal.evaluate(withHistory(PaymentHistory.none()).build());

        assertThat(d.graceDays()).isEqualTo(3);
        assertThat(d.plan()).filteredOn(s -> "GRACE_PERIOD".equals(s.getStage())).extracting(PlannedStep::getDay).containsExactly(3);
    }

    @Test
    void changingOneCellOfTheGraceTableMovesTheGraceStageAndTheRemindersAfterIt() {
        PolicyEngine edited = LogicWithTestTables.edited("grace.drl.csv", "GOOD_PAYER,5", "GOOD_PAYER,7");

        PolicyDecision d = edited.evaluate(withHistory(goodPayer()).build());

        assertThat(d.graceDays()).isEqualTo(7);
        assertThat(d.dayOf("GRACE_PERIOD")).contains(7);
        assertThat(d.dayOf("FRIENDLY_REMINDER")).contains(8);
        assertThat(d.policyVersion()).isNotEqualTo(LogicWithTestTables.compiled().version());
    }

    @Test
    void noGraceMeansNoGraceStageAndRemindersFromTheDayAfterTheDueDate() {
        PolicyEngine edited = LogicWithTestTables.edited("grace.drl.csv", "GOOD_PAYER,5", "GOOD_PAYER,0");

        PolicyDecision d = edited.evaluate(withHistory(goodPayer()).build());

        assertThat(d.graceDays()).isZero();
        assertThat(d.dayOf("GRACE_PERIOD")).isEmpty();
        assertThat(d.dayOf("FRIENDLY_REMINDER")).contains(1);
    }
}
