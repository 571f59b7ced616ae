package br.com.regua.agreement;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import br.com.regua.policy.ExtensionTerms;
import br.com.regua.policy.OfferTerms;
import br.com.regua.receivable.Money;

/**
 * The arithmetic of offers: the rules set the limits ({@link OfferTerms}), this class turns them
 * into amounts. Reais with two decimals; the installments of a plan add up to its total to the
 * cent: the first is the equal share rounded down, the others share the rest, the last taking any
 * cent over (2,000.00 in three: 666.66, 666.67, 666.67).
 */
final class OfferCalculator {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private OfferCalculator() {
    }

    /** What is owed today, summed over the receivables of the offer. */
    record Debt(String customerExternalId, List<String> receivables, BigDecimal principal, BigDecimal fine, BigDecimal interest,
                String digest) {
    }

    /** Pay now with the largest discount, then every installment plan whose installments respect the minimum. */
    static List<Offer> offers(Debt debt, OfferTerms terms, LocalDate today, String policyVersion) {
        if (!terms.isRenegotiationAllowed()) {
            return List.of();
        }
        LocalDate firstDue = today.plusDays(terms.getFirstInstallmentDays());
        LocalDate validUntil = today.plusDays(terms.getValidDays());
        // an offer accepted after its first installment fell due would start the agreement late
        LocalDate expires = validUntil.isAfter(firstDue) ? firstDue : validUntil;
        Offer.FollowUp followUp = new Offer.FollowUp(terms.getReminderDaysBefore(), terms.getInstallmentGraceDays(),
                terms.getResumeStage());
        List<Offer> offers = new ArrayList<>();
        offers.add(payNow(debt, terms, today, firstDue, expires, followUp, policyVersion));
        for (int n = 2; n <= terms.getMaxInstallments(); n++) {
            plan(debt, terms, n, today, firstDue, expires, followUp, policyVersion).ifPresent(offers::add);
        }
        return offers;
    }

    /**
     * The prorrogação of one receivable: its due date moved by the days the policy allows, what is owed
     * today due in one installment on that date; none when the policy allows none, the receivable had
     * all the extensions it may have, or the new date is already past. It stands until the new date at
     * the latest, and is followed as any agreement (reminder, grace, where collection resumes).
     */
    static Optional<Offer> extension(Debt debt, LocalDate dueDate, int extensionsSoFar, ExtensionTerms extension, OfferTerms terms,
                                     LocalDate today, String policyVersion) {
        LocalDate newDate = dueDate.plusDays(extension.getDays());
        if (!extension.isAllowed() || extension.getDays() <= 0 || extensionsSoFar >= extension.getMaxTimes()
                || !newDate.isAfter(today) || debt.receivables().size() != 1) {
            return Optional.empty();
        }
        LocalDate validUntil = today.plusDays(terms.getValidDays());
        LocalDate expires = validUntil.isAfter(newDate) ? newDate : validUntil;
        Offer.FollowUp followUp = new Offer.FollowUp(terms.getReminderDaysBefore(), terms.getInstallmentGraceDays(),
                terms.getResumeStage());
        BigDecimal total = debt.principal().add(debt.fine()).add(debt.interest());
        Offer.Breakdown breakdown = new Offer.Breakdown(debt.principal(), debt.fine(), debt.interest(), ZERO, ZERO, ZERO, total);
        return Optional.of(new Offer(null, Offer.Kind.EXTENSION, debt.customerExternalId(), debt.receivables(), today, expires,
                breakdown, total, 1, total, total, BigDecimal.ZERO, newDate, List.of(new Offer.PlannedInstallment(1, newDate, total)),
                followUp, policyVersion, debt.digest()));
    }

    private static Offer payNow(Debt debt, OfferTerms terms, LocalDate today, LocalDate due, LocalDate expires,
                                Offer.FollowUp followUp, String version) {
        BigDecimal discount = money(debt.principal().multiply(terms.getPrincipalDiscount()));
        BigDecimal waived = terms.isWaiveCharges() ? debt.fine().add(debt.interest()) : ZERO;
        BigDecimal total = debt.principal().add(debt.fine()).add(debt.interest()).subtract(discount).subtract(waived);
        Offer.Breakdown breakdown = new Offer.Breakdown(debt.principal(), debt.fine(), debt.interest(), discount, waived, ZERO, total);
        return new Offer(null, Offer.Kind.PAY_NOW, debt.customerExternalId(), debt.receivables(), today, expires, breakdown, total, 1,
                total, total, BigDecimal.ZERO, due, List.of(new Offer.PlannedInstallment(1, due, total)), followUp, version,
                debt.digest());
    }

    private static Optional<Offer> plan(Debt debt, OfferTerms terms, int count, LocalDate today, LocalDate firstDue,
                                        LocalDate expires, Offer.FollowUp followUp, String version) {
        BigDecimal discount = money(debt.principal().multiply(terms.getInstallmentDiscount()));
        BigDecimal waived = terms.isWaiveCharges() ? debt.fine().add(debt.interest()) : ZERO;
        BigDecimal base = debt.principal().add(debt.fine()).add(debt.interest()).subtract(discount).subtract(waived);
        int months = Math.max(1, terms.getMonthsBetweenInstallments());
        BigDecimal monthly = count > terms.getInterestFreeInstallments() ? terms.getInstallmentMonthlyInterest() : BigDecimal.ZERO;
        // the rate of one period between installments: the monthly rate compounded over its months
        BigDecimal rate = months == 1 || monthly.signum() == 0 ? monthly
                : BigDecimal.ONE.add(monthly).pow(months, MathContext.DECIMAL64).subtract(BigDecimal.ONE);

        BigDecimal equalShare = base.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
        BigDecimal down = money(base.multiply(terms.getMinDownPayment())).max(equalShare);
        BigDecimal financed = base.subtract(down);
        int rest = count - 1;
        BigDecimal regular;
        BigDecimal last;
        if (rate.signum() == 0) {
            regular = financed.divide(BigDecimal.valueOf(rest), 2, RoundingMode.DOWN);
            last = financed.subtract(regular.multiply(BigDecimal.valueOf(rest - 1L)));
        } else {
            // Price table: equal payments that pay the financed amount and its monthly interest
            BigDecimal growth = BigDecimal.ONE.add(rate).pow(rest, MathContext.DECIMAL64);
            BigDecimal factor = rate.multiply(growth).divide(growth.subtract(BigDecimal.ONE), MathContext.DECIMAL64);
            regular = money(financed.multiply(factor));
            last = regular;
        }
        if (down.compareTo(terms.getMinInstallment()) < 0 || regular.compareTo(terms.getMinInstallment()) < 0
                || last.compareTo(terms.getMinInstallment()) < 0) {
            return Optional.empty();
        }
        List<Offer.PlannedInstallment> installments = new ArrayList<>();
        installments.add(new Offer.PlannedInstallment(1, firstDue, down));
        for (int i = 2; i <= count; i++) {
            installments.add(new Offer.PlannedInstallment(i, firstDue.plusMonths((i - 1L) * months), i == count ? last : regular));
        }
        BigDecimal total = installments.stream().map(Offer.PlannedInstallment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal interest = total.subtract(base);
        Offer.Breakdown breakdown = new Offer.Breakdown(debt.principal(), debt.fine(), debt.interest(), discount, waived, interest, total);
        return Optional.of(new Offer(null, Offer.Kind.INSTALLMENTS, debt.customerExternalId(), debt.receivables(), today, expires,
                breakdown, total, count, down, regular, monthly, firstDue, List.copyOf(installments), followUp, version, debt.digest()));
    }

    private static BigDecimal money(BigDecimal v) {
        return Money.round(v);
    }
}
