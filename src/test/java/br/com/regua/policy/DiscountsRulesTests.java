package br.com.regua.policy;

import static br.com.regua.policy.CaseFactsFixtures.daysOverdue;
import static br.com.regua.policy.CaseFactsFixtures.goodPayer;
import static br.com.regua.policy.CaseFactsFixtures.regular;
import static br.com.regua.policy.CaseFactsFixtures.risky;
import static br.com.regua.policy.CaseFactsFixtures.withHistory;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** discounts.drl: the largest discount for paying at once, by segment and days overdue, each threshold at its edges. */
class DiscountsRulesTests {

    private static OfferTerms termsFor(PaymentHistory h, int daysOverdue) {
        return DefaultPolicy.evaluate(daysOverdue(withHistory(h), daysOverdue).build()).offerTerms();
    }

    private static PaymentHistory history(String segment) {
        return switch (segment) {
            case "GOOD_PAYER" -> goodPayer();
            case "REGULAR" -> regular();
            case "RISKY" -> risky();
            default -> PaymentHistory.none();
        };
    }

    @ParameterizedTest(name = "{0} {1} days overdue: up to {2} off")
    @CsvSource({
            "GOOD_PAYER,   -20, 0.10", "GOOD_PAYER,   29, 0.10", "GOOD_PAYER,   30, 0.15", "GOOD_PAYER,   31, 0.15",
            "GOOD_PAYER,    89, 0.15", "GOOD_PAYER,   90, 0.20", "GOOD_PAYER,   91, 0.20",
            "REGULAR,       29, 0",    "REGULAR,      30, 0.05", "REGULAR,      89, 0.05", "REGULAR,      90, 0.10",
            "NEW_CUSTOMER,  29, 0",    "NEW_CUSTOMER, 30, 0.05", "NEW_CUSTOMER, 40, 0.05", "NEW_CUSTOMER, 89, 0.05",
            "NEW_CUSTOMER,  90, 0.10",
            "RISKY,         29, 0",    "RISKY,        30, 0",    "RISKY,        90, 0",    "RISKY,       400, 0"})
    void theDiscountGrowsWithTheAgeOfTheDebtByTheSegment(String segment, int daysOverdue, String discount) {
        assertThat(termsFor(history(segment), daysOverdue).getPrincipalDiscount()).isEqualByComparingTo(discount);
    }

    @Test
    void daysPausedByADisputeDoNotCountTowardsALargerDiscount() {
        CaseFacts facts = daysOverdue(withHistory(regular()), 35).pausedDays(10).build();
        assertThat(DefaultPolicy.evaluate(facts).offerTerms().getPrincipalDiscount()).isEqualByComparingTo("0");
    }

    @Test
    void everybodyButRiskyCustomersHasFineAndInterestWaived() {
        assertThat(termsFor(goodPayer(), 10).isWaiveCharges()).isTrue();
        assertThat(termsFor(regular(), 10).isWaiveCharges()).isTrue();
        assertThat(termsFor(PaymentHistory.none(), 10).isWaiveCharges()).isTrue();
        assertThat(termsFor(risky(), 10).isWaiveCharges()).isFalse();
    }

    @Test
    void everyOfferStandsTenDaysAndInstallmentPlansKeepNoDiscount() {
        for (PaymentHistory h : new PaymentHistory[] {PaymentHistory.none(), goodPayer(), regular(), risky()}) {
            OfferTerms t = termsFor(h, 40);
            assertThat(t.getValidDays()).isEqualTo(10);
            assertThat(t.getInstallmentDiscount()).isEqualByComparingTo("0");
        }
    }
}
