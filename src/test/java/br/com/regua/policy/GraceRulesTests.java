package br.com.regua.policy;

import static br.com.regua.policy.CaseFactsFixtures.goodPayer;
import static br.com.regua.policy.CaseFactsFixtures.regular;
import static br.com.regua.policy.CaseFactsFixtures.risky;
import static br.com.regua.policy.CaseFactsFixtures.withHistory;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GraceRulesTests {

    @Test
    void goodPayersGetFiveExtraDaysBeforeTheFirstOverdueNotice() {
        PolicyDecision d = DefaultPolicy.evaluate(withHistory(goodPayer()).build());

        assertThat(d.graceDays()).isEqualTo(5);
        assertThat(d.dayOf("GRACE_PERIOD")).contains(5);
        assertThat(d.dayOf("FRIENDLY_REMINDER")).contains(6);
    }

    @Test
    void regularCustomersGetTwoDaysAndNewCustomersOne() {
        assertThat(DefaultPolicy.evaluate(withHistory(regular()).build()).graceDays()).isEqualTo(2);
        assertThat(DefaultPolicy.evaluate(withHistory(PaymentHistory.none()).build()).graceDays()).isEqualTo(1);
    }

    @Test
    void riskyCustomersGetNoGraceAndNoGraceStage() {
        PolicyDecision d = DefaultPolicy.evaluate(withHistory(risky()).build());

        assertThat(d.graceDays()).isZero();
        assertThat(d.dayOf("GRACE_PERIOD")).isEmpty();
        assertThat(d.dayOf("FRIENDLY_REMINDER")).contains(1);
    }

    @Test
    void whenTwoRulesGrantGraceTheLongestWinsWithOneGraceStage() {
        PolicyEngine seasonal = DefaultPolicy.with("season.drl", """
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
    void changingTheNumberInGraceDrlChangesTheSchedule() {
        PolicyEngine edited = FrozenPolicy.edited("grace.drl", "insert(new GracePeriod(5));", "insert(new GracePeriod(7));");

        PolicyDecision d = edited.evaluate(withHistory(goodPayer()).build());

        assertThat(d.dayOf("GRACE_PERIOD")).contains(7);
        assertThat(d.dayOf("FRIENDLY_REMINDER")).contains(8);
        assertThat(d.policyVersion()).isNotEqualTo(FrozenPolicy.compiled().version());
    }
}
