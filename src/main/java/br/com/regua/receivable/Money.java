package br.com.regua.receivable;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding rule for money: reais with two decimals, half a cent up. Charges, offers and the
 * what-if all round here, so a simulated discount is the cent the debtor will be offered.
 */
public final class Money {

    private Money() {
    }

    public static BigDecimal round(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
