package br.com.regua.policy;

import static br.com.regua.policy.CaseFactsFixtures.consumerOwing;
import static br.com.regua.policy.CaseFactsFixtures.daysOverdue;
import static br.com.regua.policy.CaseFactsFixtures.goodPayer;
import static br.com.regua.policy.CaseFactsFixtures.regular;
import static br.com.regua.policy.CaseFactsFixtures.risky;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PriorityRulesTests {

    private static int priority(String balance, int daysOverdue, PaymentHistory h) {
        return DefaultPolicy.evaluate(daysOverdue(consumerOwing(balance).history(h), daysOverdue).build()).priority();
    }

    @ParameterizedTest(name = "R$ {0}: {1} points")
    @CsvSource({"499.99, 0", "500.00, 10", "1999.99, 10", "2000.00, 25", "9999.99, 25", "10000.00, 40"})
    void theAmountOwedAddsPointsByBand(String balance, int points) {
        assertThat(priority(balance, -1, regular())).isEqualTo(points);
    }

    @ParameterizedTest(name = "{0} days late: {1} points")
    @CsvSource({"0, 0", "1, 10", "30, 10", "31, 20", "60, 20", "61, 30"})
    void theAgeOfTheDebtAddsPointsByBand(int days, int points) {
        assertThat(priority("100.00", days, regular())).isEqualTo(points);
    }

    @Test
    void riskyDebtorsComeFirstAndGoodPayersLast() {
        assertThat(priority("2000.00", 31, risky())).isEqualTo(25 + 20 + 10);
        assertThat(priority("2000.00", 31, goodPayer())).isEqualTo(25 + 20 - 10);
    }

    @Test
    void theScoreStaysWithinZeroAndAHundred() {
        assertThat(priority("100.00", 0, goodPayer())).isZero();
        assertThat(priority("50000.00", 400, risky())).isEqualTo(80);
    }
}
