package br.com.regua.receivable;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import br.com.regua.policy.ChargeRates;

class LedgerTests {

    private static final LocalDate DUE = LocalDate.of(2026, 3, 10);
    private static final ChargeRates TWO_PERCENT_FINE_ONE_PERCENT_A_MONTH = new ChargeRates(new BigDecimal("0.02"), new BigDecimal("0.01"), 30);

    private static Ledger owing(String amount) {
        return Ledger.opening(new BigDecimal(amount), DUE);
    }

    @Test
    void theLengthOfAMonthForInterestIsTheRulesNotTheLedgers() {
        ChargeRates civilMonth = new ChargeRates(new BigDecimal("0.02"), new BigDecimal("0.01"), 31);
        // 31 days late on R$ 1.000,00 at 1% a month: a whole month of 31 days, or 31/30 of a commercial one
        assertThat(owing("1000.00").chargesAsOf(DUE.plusDays(31), civilMonth).interest()).isEqualByComparingTo("10.00");
        assertThat(owing("1000.00").chargesAsOf(DUE.plusDays(31), TWO_PERCENT_FINE_ONE_PERCENT_A_MONTH).interest())
                .isEqualByComparingTo("10.33");
    }

    @Test
    void aMonthOfNoLengthIsRefusedBeforeItDividesAnything() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ChargeRates(BigDecimal.ZERO, BigDecimal.ZERO, 0))
                .hasMessageContaining("28 to 31 days");
    }

    @Test
    void nothingIsChargedOnOrBeforeTheDueDate() {
        Charges c = owing("1500.00").chargesAsOf(DUE, TWO_PERCENT_FINE_ONE_PERCENT_A_MONTH);
        assertThat(c.fine()).isEqualByComparingTo("0.00");
        assertThat(c.interest()).isEqualByComparingTo("0.00");
        assertThat(c.total()).isEqualByComparingTo("1500.00");
    }

    @Test
    void theDayAfterTheDueDateChargesTheFineAndOneDayOfInterest() {
        Charges c = owing("1500.00").chargesAsOf(DUE.plusDays(1), TWO_PERCENT_FINE_ONE_PERCENT_A_MONTH);
        assertThat(c.fine()).isEqualByComparingTo("30.00");
        assertThat(c.interest()).isEqualByComparingTo("0.50"); // 1500 x 1% / 30
        assertThat(c.total()).isEqualByComparingTo("1530.50");
    }

    @Test
    void interestIsSimpleAndProRataDie() {
        Charges c = owing("1000.00").chargesAsOf(DUE.plusDays(45), TWO_PERCENT_FINE_ONE_PERCENT_A_MONTH);
        assertThat(c.interest()).isEqualByComparingTo("15.00"); // 1000 x 1% x 45/30, not compounded
        assertThat(c.total()).isEqualByComparingTo("1035.00");
    }

    @Test
    void aPartialPaymentPaysInterestThenFineThenPrincipal() {
        Ledger.PaymentApplication a = owing("1000.00").apply(new BigDecimal("100.00"), DUE.plusDays(30), TWO_PERCENT_FINE_ONE_PERCENT_A_MONTH);
        assertThat(a.interest()).isEqualByComparingTo("10.00");
        assertThat(a.fine()).isEqualByComparingTo("20.00");
        assertThat(a.principal()).isEqualByComparingTo("70.00");
        assertThat(a.after().principalOutstanding()).isEqualByComparingTo("930.00");
        assertThat(a.after().isSettled()).isFalse();
    }

    @Test
    void afterAPartialPaymentInterestRunsOnTheRemainingPrincipalOnlyAndTheFineIsNotChargedAgain() {
        Ledger after = owing("1000.00").apply(new BigDecimal("100.00"), DUE.plusDays(30), TWO_PERCENT_FINE_ONE_PERCENT_A_MONTH).after();
        Charges c = after.chargesAsOf(DUE.plusDays(60), TWO_PERCENT_FINE_ONE_PERCENT_A_MONTH);
        assertThat(c.fine()).isEqualByComparingTo("0.00");
        assertThat(c.interest()).isEqualByComparingTo("9.30"); // 930 x 1% x 30/30
        assertThat(c.total()).isEqualByComparingTo("939.30");
    }

    @Test
    void aPaymentSmallerThanTheChargesCarriesWhatItLeavesUnpaid() {
        Ledger after = owing("1000.00").apply(new BigDecimal("15.00"), DUE.plusDays(30), TWO_PERCENT_FINE_ONE_PERCENT_A_MONTH).after();
        assertThat(after.interestCarried()).isEqualByComparingTo("0.00");
        assertThat(after.fineCarried()).isEqualByComparingTo("15.00");
        assertThat(after.principalOutstanding()).isEqualByComparingTo("1000.00");
        assertThat(after.chargesAsOf(DUE.plusDays(30), TWO_PERCENT_FINE_ONE_PERCENT_A_MONTH).total()).isEqualByComparingTo("1015.00");
    }

    @Test
    void payingTheTotalSettlesAndAnyExcessIsReported() {
        Ledger.PaymentApplication a = owing("1500.00").apply(new BigDecimal("1600.00"), DUE.plusDays(1), TWO_PERCENT_FINE_ONE_PERCENT_A_MONTH);
        assertThat(a.after().isSettled()).isTrue();
        assertThat(a.excess()).isEqualByComparingTo("69.50");
    }

    @Test
    void payingThePrincipalBeforeTheDueDateSettles() {
        Ledger.PaymentApplication a = owing("1500.00").apply(new BigDecimal("1500.00"), DUE.minusDays(2), TWO_PERCENT_FINE_ONE_PERCENT_A_MONTH);
        assertThat(a.after().isSettled()).isTrue();
        assertThat(a.excess()).isEqualByComparingTo("0.00");
    }

    @Test
    void thePunctualityDiscountHoldsUpToTheDueDateAndNotADayLater() {
        BigDecimal fivePercent = new BigDecimal("0.05");
        assertThat(owing("1234.57").punctualityDiscount(DUE.minusDays(5), fivePercent)).isEqualByComparingTo("61.73"); // 61.7285
        assertThat(owing("1234.57").punctualityDiscount(DUE, fivePercent)).isEqualByComparingTo("61.73");
        assertThat(owing("1234.57").punctualityDiscount(DUE.plusDays(1), fivePercent)).isEqualByComparingTo("0.00");
        assertThat(owing("1234.57").punctualityDiscount(DUE, BigDecimal.ZERO)).isEqualByComparingTo("0.00");
    }

    @Test
    void aPaymentByTheDueDateNeedsOnlyTheDiscountItLeavesUnpaid() {
        BigDecimal fivePercent = new BigDecimal("0.05");
        // 1,500.00 less 5%: 1,425.00 settles with 75.00 of discount; 1,450.00 needs 50.00; 1,424.99 is a partial payment
        assertThat(owing("1500.00").punctualityDiscountNeeded(new BigDecimal("1425.00"), DUE, fivePercent)).isEqualByComparingTo("75.00");
        assertThat(owing("1500.00").punctualityDiscountNeeded(new BigDecimal("1450.00"), DUE, fivePercent)).isEqualByComparingTo("50.00");
        assertThat(owing("1500.00").punctualityDiscountNeeded(new BigDecimal("1424.99"), DUE, fivePercent)).isEqualByComparingTo("0.00");
        assertThat(owing("1500.00").punctualityDiscountNeeded(new BigDecimal("1500.00"), DUE, fivePercent)).isEqualByComparingTo("0.00");
        assertThat(owing("1500.00").punctualityDiscountNeeded(new BigDecimal("1425.00"), DUE.plusDays(1), fivePercent))
                .isEqualByComparingTo("0.00");
    }
}
