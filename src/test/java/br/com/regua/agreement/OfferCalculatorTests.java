package br.com.regua.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import br.com.regua.policy.OfferTerms;

/** The arithmetic of offers: amounts to the cent, the first installment rounded down, the last taking any cent over. */
class OfferCalculatorTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 4, 25);

    private static OfferCalculator.Debt owing(String principal, String fine, String interest) {
        return new OfferCalculator.Debt("C-1", List.of("R-1"), new BigDecimal(principal), new BigDecimal(fine), new BigDecimal(interest),
                "digest");
    }

    private static OfferTerms terms(int maxInstallments) {
        OfferTerms t = new OfferTerms();
        t.setMaxInstallments(maxInstallments);
        t.setMinInstallment(new BigDecimal("50.00"));
        t.setValidDays(10);
        t.setFirstInstallmentDays(10);
        t.setReminderDaysBefore(3);
        t.setInstallmentGraceDays(5);
        t.setResumeStage("FORMAL_NOTICE");
        return t;
    }

    private static Offer plan(List<Offer> offers, int count) {
        return offers.stream().filter(o -> o.installmentCount() == count).findFirst().orElseThrow();
    }

    private static BigDecimal sum(Offer o) {
        return o.installments().stream().map(Offer.PlannedInstallment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void payingNowTakesTheDiscountOffThePrincipalRoundedToTheCentAndMayWaiveTheCharges() {
        OfferTerms t = terms(1);
        t.setPrincipalDiscount(new BigDecimal("0.15"));
        t.setWaiveCharges(true);

        Offer now = OfferCalculator.offers(owing("1234.57", "24.69", "16.46"), t, TODAY, "v1").get(0);

        assertThat(now.kind()).isEqualTo(Offer.Kind.PAY_NOW);
        assertThat(now.breakdown().discount()).isEqualByComparingTo("185.19"); // 15% of 1,234.57 = 185.1855
        assertThat(now.breakdown().waivedCharges()).isEqualByComparingTo("41.15");
        assertThat(now.total()).isEqualByComparingTo("1049.38");
        assertThat(now.installments()).singleElement().satisfies(i -> assertThat(i.amount()).isEqualByComparingTo("1049.38"));
    }

    @Test
    void withoutChargesWaivedTheyArePartOfTheTotal() {
        Offer now = OfferCalculator.offers(owing("1000.00", "20.00", "10.00"), terms(1), TODAY, "v1").get(0);
        assertThat(now.total()).isEqualByComparingTo("1030.00");
    }

    @Test
    void theLastInstallmentAbsorbsTheRounding() {
        Offer three = plan(OfferCalculator.offers(owing("1000.00", "0.00", "0.00"), terms(3), TODAY, "v1"), 3);

        assertThat(three.installments()).extracting(Offer.PlannedInstallment::amount).map(BigDecimal::toPlainString)
                .containsExactly("333.33", "333.33", "333.34");
        assertThat(sum(three)).isEqualByComparingTo(three.total()).isEqualByComparingTo("1000.00");
        assertThat(three.installments()).extracting(Offer.PlannedInstallment::dueDate)
                .containsExactly(LocalDate.of(2026, 5, 5), LocalDate.of(2026, 6, 5), LocalDate.of(2026, 7, 5));
    }

    @Test
    void installmentsFallDueAsManyMonthsApartAsThePolicySaysWithTheInterestOfThoseMonths() {
        OfferTerms monthly = terms(3);
        monthly.setInstallmentMonthlyInterest(new BigDecimal("0.01"));
        OfferTerms bimonthly = terms(3);
        bimonthly.setInstallmentMonthlyInterest(new BigDecimal("0.01"));
        bimonthly.setMonthsBetweenInstallments(2);

        Offer everyMonth = plan(OfferCalculator.offers(owing("1200.00", "0.00", "0.00"), monthly, TODAY, "v1"), 3);
        Offer everyOtherMonth = plan(OfferCalculator.offers(owing("1200.00", "0.00", "0.00"), bimonthly, TODAY, "v1"), 3);

        assertThat(everyOtherMonth.installments()).extracting(Offer.PlannedInstallment::dueDate)
                .containsExactly(LocalDate.of(2026, 5, 5), LocalDate.of(2026, 7, 5), LocalDate.of(2026, 9, 5));
        // 800.00 financed over two periods: at 1% a month (Price), 406.01 each; at 1.01^2 - 1 = 2.01% a period, 412.10 each
        assertThat(everyMonth.installments()).extracting(Offer.PlannedInstallment::amount).map(BigDecimal::toPlainString)
                .containsExactly("400.00", "406.01", "406.01");
        assertThat(everyOtherMonth.installments()).extracting(Offer.PlannedInstallment::amount).map(BigDecimal::toPlainString)
                .containsExactly("400.00", "412.10", "412.10");
    }

    @Test
    void plansWithAnInstallmentUnderTheMinimumAreNotOffered() {
        List<Offer> offers = OfferCalculator.offers(owing("120.00", "0.00", "0.00"), terms(6), TODAY, "v1");
        // 2 x 60,00 is allowed; 3 x 40,00 is not
        assertThat(offers).extracting(Offer::installmentCount).containsExactly(1, 2);
    }

    @Test
    void aMinimumDownPaymentMakesTheFirstInstallmentLarger() {
        OfferTerms t = terms(3);
        t.setMinDownPayment(new BigDecimal("0.50"));

        Offer three = plan(OfferCalculator.offers(owing("1000.00", "0.00", "0.00"), t, TODAY, "v1"), 3);

        assertThat(three.downPayment()).isEqualByComparingTo("500.00");
        assertThat(three.installments()).extracting(Offer.PlannedInstallment::amount).map(BigDecimal::toPlainString)
                .containsExactly("500.00", "250.00", "250.00");
    }

    @Test
    void longPlansCarryPriceTableInterestAndStillAddUpToTheCent() {
        OfferTerms t = terms(12);
        t.setInterestFreeInstallments(6);
        t.setInstallmentMonthlyInterest(new BigDecimal("0.0199"));

        List<Offer> offers = OfferCalculator.offers(owing("8000.00", "0.00", "0.00"), t, TODAY, "v1");

        Offer six = plan(offers, 6);
        assertThat(six.monthlyInterest()).isEqualByComparingTo("0");
        assertThat(six.total()).isEqualByComparingTo("8000.00");
        Offer twelve = plan(offers, 12);
        assertThat(twelve.monthlyInterest()).isEqualByComparingTo("0.0199");
        // 666.66 down, then 7,333.34 financed at 1.99% a month over 11 months: 7,333.34 x 0.0199 / (1 - 1.0199^-11) = 748.88
        assertThat(twelve.downPayment()).isEqualByComparingTo("666.66");
        assertThat(twelve.installmentAmount()).isEqualByComparingTo("748.88");
        assertThat(sum(twelve)).isEqualByComparingTo(twelve.total());
        assertThat(twelve.breakdown().installmentInterest()).isEqualByComparingTo(twelve.total().subtract(new BigDecimal("8000.00")));
        assertThat(twelve.breakdown().installmentInterest()).isPositive();
    }

    @Test
    void anOfferExpiresNoLaterThanItsFirstInstallment() {
        OfferTerms t = terms(1);
        t.setFirstInstallmentDays(5);
        assertThat(OfferCalculator.offers(owing("100.00", "0.00", "0.00"), t, TODAY, "v1").get(0).expiresOn())
                .isEqualTo(TODAY.plusDays(5));
    }

    @Test
    void whenThePolicyAllowsNoAgreementThereAreNoOffers() {
        OfferTerms t = terms(3);
        t.setRenegotiationAllowed(false);
        assertThat(OfferCalculator.offers(owing("1000.00", "0.00", "0.00"), t, TODAY, "v1")).isEmpty();
    }

    private static br.com.regua.policy.ExtensionTerms extension(int days, int maxTimes) {
        br.com.regua.policy.ExtensionTerms e = new br.com.regua.policy.ExtensionTerms();
        e.setAllowed(true);
        e.setDays(days);
        e.setMaxTimes(maxTimes);
        return e;
    }

    @Test
    void theExtensionMovesTheDueDateByThePolicysDaysWithWhatIsOwedTodayInOneInstallment() {
        LocalDate due = TODAY.minusDays(3);

        Offer e = OfferCalculator.extension(owing("1000.00", "20.00", "1.00"), due, 0, extension(15, 1), terms(1), TODAY, "v1")
                .orElseThrow();

        assertThat(e.kind()).isEqualTo(Offer.Kind.EXTENSION);
        assertThat(e.firstDueDate()).isEqualTo(due.plusDays(15));
        assertThat(e.total()).isEqualByComparingTo("1021.00"); // nothing taken off, nothing added
        assertThat(e.installments()).singleElement().satisfies(i -> {
            assertThat(i.dueDate()).isEqualTo(due.plusDays(15));
            assertThat(i.amount()).isEqualByComparingTo("1021.00");
        });
        assertThat(e.expiresOn()).isEqualTo(TODAY.plusDays(10)); // the offer's validity, before the new date
        assertThat(e.followUp().graceDays()).isEqualTo(5);
    }

    @Test
    void noExtensionOnceUsedWhenThePolicyAllowsNoneOrWhenTheNewDateIsNotAhead() {
        LocalDate due = TODAY.minusDays(3);
        OfferCalculator.Debt debt = owing("1000.00", "0.00", "0.00");
        br.com.regua.policy.ExtensionTerms none = new br.com.regua.policy.ExtensionTerms();

        assertThat(OfferCalculator.extension(debt, due, 1, extension(15, 1), terms(1), TODAY, "v1")).isEmpty();
        assertThat(OfferCalculator.extension(debt, due, 0, none, terms(1), TODAY, "v1")).isEmpty();
        // the new date would be today: moving to it helps nobody; a day later it stands until then
        assertThat(OfferCalculator.extension(debt, due, 0, extension(3, 1), terms(1), TODAY, "v1")).isEmpty();
        assertThat(OfferCalculator.extension(debt, due, 0, extension(4, 1), terms(1), TODAY, "v1"))
                .hasValueSatisfying(o -> assertThat(o.expiresOn()).isEqualTo(TODAY.plusDays(1)));
        OfferCalculator.Debt two = new OfferCalculator.Debt("C-1", List.of("R-1", "R-2"), new BigDecimal("1000.00"), BigDecimal.ZERO,
                BigDecimal.ZERO, "digest");
        assertThat(OfferCalculator.extension(two, due, 0, extension(15, 1), terms(1), TODAY, "v1")).isEmpty();
    }
}
