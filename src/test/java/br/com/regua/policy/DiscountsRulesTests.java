package br.com.regua.policy;

import static br.com.regua.policy.CaseFactsFixtures.goodPayer;
import static br.com.regua.policy.CaseFactsFixtures.regular;
import static br.com.regua.policy.CaseFactsFixtures.risky;
import static br.com.regua.policy.CaseFactsFixtures.withHistory;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscountsRulesTests {

    private static OfferTerms termsFor(PaymentHistory h) {
        return DefaultPolicy.evaluate(withHistory(h).build()).offerTerms();
    }

    @Test
    void goodPayersGetTenPercentOffAndChargesWaivedInUpToSixInstallments() {
        OfferTerms t = termsFor(goodPayer());
        assertThat(t.getPrincipalDiscount()).isEqualByComparingTo("0.10");
        assertThat(t.isWaiveCharges()).isTrue();
        assertThat(t.getMaxInstallments()).isEqualTo(6);
    }

    @Test
    void regularCustomersGetChargesWaivedInUpToSixInstallments() {
        OfferTerms t = termsFor(regular());
        assertThat(t.getPrincipalDiscount()).isEqualByComparingTo("0");
        assertThat(t.isWaiveCharges()).isTrue();
        assertThat(t.getMaxInstallments()).isEqualTo(6);
    }

    @Test
    void newCustomersGetChargesWaivedInUpToThreeInstallments() {
        OfferTerms t = termsFor(PaymentHistory.none());
        assertThat(t.getPrincipalDiscount()).isEqualByComparingTo("0");
        assertThat(t.isWaiveCharges()).isTrue();
        assertThat(t.getMaxInstallments()).isEqualTo(3);
    }

    @Test
    void riskyCustomersGetNoDiscountAndUpToThreeInstallments() {
        OfferTerms t = termsFor(risky());
        assertThat(t.getPrincipalDiscount()).isEqualByComparingTo("0");
        assertThat(t.isWaiveCharges()).isFalse();
        assertThat(t.getMaxInstallments()).isEqualTo(3);
    }

    @Test
    void everyOfferHasTheDesenrolaMinimumInstallmentAndStandsTenDays() {
        for (PaymentHistory h : new PaymentHistory[] {PaymentHistory.none(), goodPayer(), regular(), risky()}) {
            OfferTerms t = termsFor(h);
            assertThat(t.getMinInstallment()).isEqualByComparingTo("50.00");
            assertThat(t.getValidDays()).isEqualTo(10);
        }
    }
}
