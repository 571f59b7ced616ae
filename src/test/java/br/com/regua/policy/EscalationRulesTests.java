package br.com.regua.policy;

import static br.com.regua.policy.CaseFactsFixtures.businessOwing;
import static br.com.regua.policy.CaseFactsFixtures.consumerOwing;
import static br.com.regua.policy.CaseFactsFixtures.regular;
import static br.com.regua.policy.CaseFactsFixtures.risky;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import br.com.regua.support.ProcessStages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EscalationRulesTests {

    private static PolicyDecision owing(String amount) {
        return DefaultPolicy.evaluate(consumerOwing(amount).history(regular()).build());
    }

    @Test
    void theLaterStagesComeOnTheirDays() {
        PolicyDecision d = owing("1500.00");

        assertThat(d.dayOf("RENEGOTIATION_OFFER")).contains(15);
        assertThat(d.dayOf("FORMAL_NOTICE")).contains(30);
        assertThat(d.dayOf("BUREAU_PRIOR_NOTICE")).contains(35);
        assertThat(d.dayOf("BUREAU_REPORT")).contains(45);
        assertThat(d.dayOf("SERVICE_SUSPENSION_NOTICE")).contains(50);
        assertThat(d.dayOf("COLLECTION_AGENCY")).contains(60);
        assertThat(d.plan().get(d.plan().size() - 1).getStage()).isEqualTo("LEGAL_REFERRAL");
    }

    @ParameterizedTest(name = "R$ {0}: collector call {1}")
    @CsvSource({"999.99, false", "1000.00, true", "1000.01, true"})
    void balancesOfAThousandOrMoreGetACollectorCallOnDayTwenty(String balance, boolean called) {
        PolicyDecision d = owing(balance);

        assertThat(d.dayOf("COLLECTOR_CALL").isPresent()).isEqualTo(called);
        if (called) {
            assertThat(d.dayOf("COLLECTOR_CALL")).contains(20);
        }
    }

    @ParameterizedTest(name = "R$ {0} ends in {1}")
    @CsvSource({"499.99, WRITE_OFF", "500.00, LEGAL_REFERRAL", "500.01, LEGAL_REFERRAL"})
    void smallBalancesAreWrittenOffAndTheOthersGoToTheLegalTeamOnDayNinety(String balance, String end) {
        PolicyDecision d = owing(balance);

        List<String> terminal = d.plan().stream().map(PlannedStep::getStage).filter(s -> ProcessStages.collection().find(s).orElseThrow().last()).toList();
        assertThat(terminal).containsExactly(end);
        assertThat(d.dayOf(end)).contains(90);
    }

    @Test
    void theBalanceAfterPartialPaymentsDecidesNotTheOriginalAmount() {
        PolicyDecision d = DefaultPolicy.evaluate(consumerOwing("1500.00").balance(new java.math.BigDecimal("400.00")).build());

        assertThat(d.dayOf("WRITE_OFF")).contains(90);
        assertThat(d.dayOf("COLLECTOR_CALL")).isEmpty();
    }

    @Test
    void businessesSkipTheServiceSuspensionNotice() {
        assertThat(DefaultPolicy.evaluate(businessOwing("1500.00").build()).dayOf("SERVICE_SUSPENSION_NOTICE")).isEmpty();
    }

    @ParameterizedTest(name = "risky owing R$ {0}: early {1}")
    @CsvSource({"9999.99, false", "10000.00, true"})
    void riskyDebtorsOwingTenThousandOrMoreGetTheFormalNoticeOnDayTen(String balance, boolean early) {
        PolicyDecision d = DefaultPolicy.evaluate(consumerOwing(balance).history(risky()).build());

        assertThat(d.dayOf("FORMAL_NOTICE")).contains(early ? 10 : 30);
        assertThat(d.dayOf("BUREAU_PRIOR_NOTICE")).contains(early ? 12 : 35);
        assertThat(d.dayOf("BUREAU_REPORT")).contains(early ? 22 : 45);
        assertThat(d.dayOf("RENEGOTIATION_OFFER").isPresent()).isEqualTo(!early);
        assertThat(d.plan().stream().filter(s -> "FRIENDLY_REMINDER".equals(s.getStage())).map(PlannedStep::getDay))
                .allMatch(day -> !early || day <= 10);
    }

    @Test
    void aRegularDebtorOwingTenThousandIsNotEscalatedEarly() {
        assertThat(owing("10000.00").dayOf("FORMAL_NOTICE")).contains(30);
    }

    @ParameterizedTest(name = "R$ {0}: reported {1}")
    @CsvSource({"49.99, false", "50.00, true"})
    void balancesUnderFiftyReaisAreNotReportedToTheCreditBureau(String balance, boolean reported) {
        PolicyDecision d = owing(balance);

        assertThat(d.dayOf("BUREAU_PRIOR_NOTICE").isPresent()).isEqualTo(reported);
        assertThat(d.dayOf("BUREAU_REPORT").isPresent()).isEqualTo(reported);
    }
}
