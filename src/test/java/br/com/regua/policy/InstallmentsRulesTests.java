package br.com.regua.policy;

import static br.com.regua.policy.CaseFactsFixtures.daysOverdue;
import static br.com.regua.policy.CaseFactsFixtures.goodPayer;
import static br.com.regua.policy.CaseFactsFixtures.regular;
import static br.com.regua.policy.CaseFactsFixtures.risky;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** installments.drl: limits of an installment plan and how an agreement is followed, each threshold at its edges. */
class InstallmentsRulesTests {

    private static OfferTerms termsFor(PaymentHistory h, String balance) {
        return DefaultPolicy.evaluate(daysOverdue(CaseFactsFixtures.consumerOwing(balance).history(h), 40).build()).offerTerms();
    }

    private static PaymentHistory history(String segment) {
        return switch (segment) {
            case "GOOD_PAYER" -> goodPayer();
            case "REGULAR" -> regular();
            case "RISKY" -> risky();
            default -> PaymentHistory.none();
        };
    }

    @ParameterizedTest(name = "{0} owing {1}: up to {2} installments")
    @CsvSource({
            "GOOD_PAYER,   4999.99, 6", "GOOD_PAYER,   5000.00, 12", "GOOD_PAYER,   5000.01, 12",
            "REGULAR,      4999.99, 6", "REGULAR,      5000.00, 6",
            "NEW_CUSTOMER, 4999.99, 3", "NEW_CUSTOMER, 5000.00, 3",
            "RISKY,        4999.99, 3", "RISKY,        5000.00, 3"})
    void theMostInstallmentsDependOnTheSegmentAndTheBalance(String segment, String balance, int max) {
        assertThat(termsFor(history(segment), balance).getMaxInstallments()).isEqualTo(max);
    }

    @Test
    void noInstallmentIsBelowFiftyReaisAndLongPlansCarryTheDesenrolaInterest() {
        OfferTerms t = termsFor(goodPayer(), "8000.00");
        assertThat(t.getMinInstallment()).isEqualByComparingTo("50.00");
        assertThat(t.getInterestFreeInstallments()).isEqualTo(6);
        assertThat(t.getInstallmentMonthlyInterest()).isEqualByComparingTo("0.0199");
    }

    @Test
    void riskyCustomersPutThirtyPercentDownAndOthersNothingInParticular() {
        assertThat(termsFor(risky(), "1500.00").getMinDownPayment()).isEqualByComparingTo("0.30");
        assertThat(termsFor(regular(), "1500.00").getMinDownPayment()).isEqualByComparingTo("0");
    }

    @Test
    void anAgreementIsRemindedThreeDaysAheadHasFiveDaysOfGraceAndResumesWithTheFormalNotice() {
        OfferTerms t = termsFor(PaymentHistory.none(), "1500.00");
        assertThat(t.getFirstInstallmentDays()).isEqualTo(10);
        assertThat(t.getReminderDaysBefore()).isEqualTo(3);
        assertThat(t.getInstallmentGraceDays()).isEqualTo(5);
        assertThat(t.getResumeStage()).isEqualTo("FORMAL_NOTICE");
        assertThat(t.isRenegotiationAllowed()).isTrue();
    }

    @ParameterizedTest(name = "broke an agreement {0} days ago: new agreement allowed = {1}")
    @CsvSource({"0, false", "179, false", "180, false", "181, true", "400, true"})
    void customersWhoBrokeAnAgreementInTheLast180DaysGetNoNewOne(int daysAgo, boolean allowed) {
        LocalDate today = CaseFactsFixtures.DUE.plusDays(400);
        PaymentHistory h = new PaymentHistory(1, 1, 10, 0, 1, today.minusDays(daysAgo));
        CaseFacts facts = CaseFactsFixtures.consumerOwing("1500.00").history(h).today(today).build();

        PolicyDecision d = DefaultPolicy.evaluate(facts);

        assertThat(d.offerTerms().isRenegotiationAllowed()).isEqualTo(allowed);
        assertThat(d.offerTerms().getMaxInstallments()).isEqualTo(allowed ? 3 : 1);
        assertThat(d.dayOf("RENEGOTIATION_OFFER").isPresent()).as("a renegotiation offer in the schedule").isEqualTo(allowed);
    }

    @Test
    void aCustomerWhoNeverBrokeAnAgreementIsNotHeldBack() {
        assertThat(termsFor(CaseFactsFixtures.history(3, 0, 0, 2, 0), "1500.00").isRenegotiationAllowed()).isTrue();
    }
}
