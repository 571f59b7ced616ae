package br.com.regua.receivable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import br.com.regua.policy.ChargeRates;

/**
 * The money state of one receivable. The late fee is charged once, on the overdue principal;
 * interest is simple and pro rata die over 30-day months, running on the outstanding principal
 * from the due date or the last payment. A payment pays interest first, then the fee, then the
 * principal (Código Civil art. 354); charges it leaves unpaid are carried, not recomputed.
 */
public record Ledger(
        LocalDate dueDate,
        BigDecimal principalOutstanding,
        BigDecimal fineCarried,
        BigDecimal interestCarried,
        boolean fineCharged,
        LocalDate interestFrom) {

    public static Ledger opening(BigDecimal principal, LocalDate dueDate) {
        return new Ledger(dueDate, principal, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), false, dueDate);
    }

    public Charges chargesAsOf(LocalDate date, ChargeRates rates) {
        boolean overdue = date.isAfter(dueDate);
        BigDecimal newFine = overdue && !fineCharged ? money(principalOutstanding.multiply(rates.getFineRate())) : zero();
        long days = overdue ? Math.max(0, ChronoUnit.DAYS.between(interestFrom.isAfter(dueDate) ? interestFrom : dueDate, date)) : 0;
        BigDecimal newInterest = money(principalOutstanding.multiply(rates.getMonthlyInterestRate())
                .multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(rates.getDaysPerMonth()), 10, RoundingMode.HALF_UP));
        BigDecimal fine = fineCarried.add(newFine);
        BigDecimal interest = interestCarried.add(newInterest);
        return new Charges(date, principalOutstanding, fine, interest, principalOutstanding.add(fine).add(interest));
    }

    /** Applies a payment made on {@code date}; returns the new ledger and how the money was split. */
    public PaymentApplication apply(BigDecimal amount, LocalDate date, ChargeRates rates) {
        Charges due = chargesAsOf(date, rates);
        BigDecimal left = amount;
        BigDecimal toInterest = left.min(due.interest());
        left = left.subtract(toInterest);
        BigDecimal toFine = left.min(due.fine());
        left = left.subtract(toFine);
        BigDecimal toPrincipal = left.min(due.principal());
        BigDecimal excess = left.subtract(toPrincipal);
        boolean overdue = date.isAfter(dueDate);
        Ledger next = new Ledger(dueDate,
                principalOutstanding.subtract(toPrincipal),
                due.fine().subtract(toFine),
                due.interest().subtract(toInterest),
                fineCharged || overdue,
                date.isAfter(interestFrom) ? date : interestFrom);
        return new PaymentApplication(next, toInterest, toFine, toPrincipal, excess);
    }

    /**
     * The punctuality discount paying in full on {@code date} earns at {@code rate} (a fraction of the
     * principal still owed): none after the due date, when what is owed carries a late fee, or at no rate.
     * What the debtor pays by the due date is {@code principalOutstanding} less this.
     */
    public BigDecimal punctualityDiscount(LocalDate date, BigDecimal rate) {
        if (date.isAfter(dueDate) || fineCharged || rate == null || rate.signum() <= 0) {
            return zero();
        }
        return money(principalOutstanding.multiply(rate));
    }

    /**
     * The part of the punctuality discount a payment of {@code amount} on {@code date} needs to settle
     * the receivable: what it leaves unpaid, when that is no more than the discount; zero otherwise
     * (a payment short of the discounted amount is a partial payment, one of the full amount needs none).
     */
    public BigDecimal punctualityDiscountNeeded(BigDecimal amount, LocalDate date, BigDecimal rate) {
        BigDecimal discount = punctualityDiscount(date, rate);
        BigDecimal left = principalOutstanding.add(fineCarried).add(interestCarried).subtract(amount);
        return discount.signum() > 0 && left.signum() > 0 && left.compareTo(discount) <= 0 ? left : zero();
    }

    /** Nothing left to pay: principal and every carried charge are zero. */
    public boolean isSettled() {
        return principalOutstanding.signum() == 0 && fineCarried.signum() == 0 && interestCarried.signum() == 0;
    }

    private static BigDecimal money(BigDecimal v) {
        return Money.round(v);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    /** The split of one payment and the ledger after it. */
    public record PaymentApplication(Ledger after, BigDecimal interest, BigDecimal fine, BigDecimal principal, BigDecimal excess) {
    }
}
