package br.com.regua.policy;

import static br.com.regua.policy.CaseFactsFixtures.history;
import static br.com.regua.policy.CaseFactsFixtures.withHistory;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentationRulesTests {

    private static Segment segmentOf(PaymentHistory h) {
        return DefaultPolicy.evaluate(withHistory(h).build()).segment();
    }

    @Test
    void aCustomerWeHaveNeverSeenPayIsNew() {
        PolicyDecision d = DefaultPolicy.evaluate(withHistory(PaymentHistory.none()).build());

        assertThat(d.segment()).isEqualTo(Segment.NEW_CUSTOMER);
        assertThat(d.rulesFired()).contains("Customers we have never seen pay are new customers");
    }

    @Test
    void oneBrokenAgreementMakesACustomerRiskyWhateverElseTheyDid() {
        assertThat(segmentOf(history(10, 0, 0, 3, 1))).isEqualTo(Segment.RISKY);
        assertThat(segmentOf(history(10, 0, 0, 3, 0))).isEqualTo(Segment.GOOD_PAYER);
    }

    @ParameterizedTest(name = "average {0} days late: {1}")
    @CsvSource({"29, REGULAR", "30, REGULAR", "31, RISKY"})
    void payingOnAverageMoreThanThirtyDaysLateIsRisky(int averageDaysLate, Segment expected) {
        assertThat(segmentOf(history(0, 4, averageDaysLate, 0, 0))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "average {0} days late: {1}")
    @CsvSource({"4, GOOD_PAYER", "5, GOOD_PAYER", "6, REGULAR"})
    void goodPayersPayOnAverageAtMostFiveDaysLate(int averageDaysLate, Segment expected) {
        assertThat(segmentOf(history(2, 2, averageDaysLate, 0, 0))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} paid: {1}")
    @CsvSource({"2, REGULAR", "3, GOOD_PAYER", "4, GOOD_PAYER"})
    void goodPayersHavePaidAtLeastThreeReceivables(int paid, Segment expected) {
        assertThat(segmentOf(history(paid, 0, 0, 0, 0))).isEqualTo(expected);
    }

    @Test
    void aCustomerWhoOnlyKeptAnAgreementIsRegular() {
        assertThat(segmentOf(history(0, 0, 0, 1, 0))).isEqualTo(Segment.REGULAR);
    }

    @Test
    void everyHistoryLandsInExactlyOneSegment() {
        // the engine refuses two segments, so evaluating is the assertion
        for (int paid = 0; paid <= 4; paid++) {
            for (int late : new int[] {0, 5, 6, 30, 31}) {
                for (int broken = 0; broken <= 1; broken++) {
                    for (int kept = 0; kept <= 1; kept++) {
                        assertThat(segmentOf(history(paid, paid > 0 && late > 0 ? 1 : 0, late, kept, broken))).isNotNull();
                    }
                }
            }
        }
    }
}
