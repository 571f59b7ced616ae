package br.com.regua.policy;

import static br.com.regua.policy.CaseFactsFixtures.history;
import static br.com.regua.policy.CaseFactsFixtures.withHistory;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The segmentation table is read top to bottom and the first row that matches decides (its rows
 * share one activation group): every history lands in exactly one segment. Runs on tables of the
 * tests' own; which history makes which segment is pinned down by rules/scenarios/segmentation.csv.
 */
class SegmentationRulesTests {

    @Test
    void everyHistoryLandsInExactlyOneSegment() {
        // the engine refuses two segments, so evaluating is the assertion
        for (int paid = 0; paid <= 4; paid++) {
            for (int late : new int[] {0, 5, 6, 30, 31}) {
                for (int broken = 0; broken <= 1; broken++) {
                    for (int kept = 0; kept <= 1; kept++) {
                        PaymentHistory h = history(paid, paid > 0 && late > 0 ? 1 : 0, late, kept, broken);
                        assertThat(LogicWithTestTables.evaluate(withHistory(h).build()).segment()).isNotNull();
                    }
                }
            }
        }
    }

    @Test
    void aTableWhoseRowsPutADebtorInTwoSegmentsIsRefusedAtDecision() {
        // without its activation group every matching row would fire
        PolicyEngine twoSegments = LogicWithTestTables.edited("segmentation.drl.csv", ",segment,RISKY\n", ",,RISKY\n");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> twoSegments.evaluate(withHistory(history(5, 0, 31, 0, 1)).build()))
                .isInstanceOf(PolicyOutputException.class).hasMessageContaining("two segments");
    }
}
