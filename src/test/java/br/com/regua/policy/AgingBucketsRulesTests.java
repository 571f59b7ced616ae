package br.com.regua.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The aging report's buckets come from a decision table, and a table that loses or doubles a day is
 * refused. Runs on tables of the tests' own; the live buckets are pinned down by rules/scenarios/aging.csv.
 */
class AgingBucketsRulesTests {

    @Test
    void theBucketRulesNeverFireInACaseDecision() {
        CaseFacts facts = CaseFacts.builder().principal(new BigDecimal("100.00")).dueDate(LocalDate.of(2026, 3, 1))
                .today(LocalDate.of(2026, 3, 20)).build();

        assertThat(LogicWithTestTables.evaluate(facts).rulesFired()).noneMatch(name -> name.startsWith("Debts "));
    }

    @Test
    void aCreditManagerMovesABoundaryByEditingOneCell() {
        PolicyEngine edited = LogicWithTestTables.edited("aging.drl.csv", "Debts 1 to 30 days overdue,aging,1-30 days,1,30\n"
                + "Debts 31 to 60 days overdue,aging,31-60 days,31,60", "Debts 1 to 15 days overdue,aging,1-15 days,1,15\n"
                + "Debts 16 to 60 days overdue,aging,16-60 days,16,60");

        assertThat(edited.agingBuckets()).extracting(AgingBucket::getName)
                .containsExactly("Not yet due", "1-15 days", "16-60 days", "61-90 days", "91-180 days", "Over 180 days");
    }

    @Test
    void bucketsWithAGapAreRefusedNamingBoth() {
        List<AgingBucket> gap = buckets(new AgingBucket("Not yet due", null, 0), new AgingBucket("2-30 days", 2, 30),
                new AgingBucket("Later", 31, null));

        assertThatThrownBy(() -> PolicyEngine.checkedBuckets(gap)).isInstanceOf(PolicyOutputException.class)
                .hasMessageContaining("Not yet due and 2-30 days leave a gap");
    }

    @Test
    void overlappingBucketsAreRefused() {
        List<AgingBucket> overlap = buckets(new AgingBucket("Not yet due", null, 0), new AgingBucket("0-30 days", 0, 30),
                new AgingBucket("Later", 31, null));

        assertThatThrownBy(() -> PolicyEngine.checkedBuckets(overlap)).isInstanceOf(PolicyOutputException.class)
                .hasMessageContaining("overlap");
    }

    @Test
    void bucketsThatStopShortOfEitherEndAreRefused() {
        assertThatThrownBy(() -> PolicyEngine.checkedBuckets(buckets(new AgingBucket("Early", -30, 0), new AgingBucket("Late", 1, null))))
                .hasMessageContaining("no bucket holds the days before it");
        assertThatThrownBy(() -> PolicyEngine.checkedBuckets(buckets(new AgingBucket("Early", null, 0), new AgingBucket("Late", 1, 365))))
                .hasMessageContaining("no bucket holds the days after it");
        assertThatThrownBy(() -> PolicyEngine.checkedBuckets(new ArrayList<>())).hasMessageContaining("no aging buckets");
    }

    private static List<AgingBucket> buckets(AgingBucket... b) {
        return new ArrayList<>(List.of(b));
    }
}
