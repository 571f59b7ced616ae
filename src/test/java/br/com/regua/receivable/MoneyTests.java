package br.com.regua.receivable;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** One rounding rule for every amount a debtor sees: the what-if's discount once rounded half to even (a cent off). */
class MoneyTests {

    @Test
    void halfACentGoesUpAsTheOffersAndChargesAlwaysDid() {
        // 5% of R$ 100,10 is R$ 5,005: the offer says R$ 5,01, and so must the what-if
        assertThat(Money.round(new BigDecimal("100.10").multiply(new BigDecimal("0.05")))).isEqualByComparingTo("5.01");
        assertThat(Money.round(new BigDecimal("100.30").multiply(new BigDecimal("0.05")))).isEqualByComparingTo("5.02");
        assertThat(Money.round(new BigDecimal("5.0049"))).isEqualByComparingTo("5.00");
        assertThat(Money.round(new BigDecimal("7")).scale()).isEqualTo(2);
    }
}
