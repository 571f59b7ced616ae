package br.com.regua.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What was recovered from {@code from} to {@code to} (both days included, in the server's time zone),
 * against what was due: the payments received, split by the case's stage, segment and policy version
 * when each came in and by the channel of the last message sent before it; what agreements gave
 * away and whether agreements and promises were kept; the cure rate; the messages sent and failed.
 *
 * @param due          principal owed at the start of the period by the receivables due by its end
 * @param recovered    every payment received in the period (agreement installments are in {@code agreements})
 * @param recoveryRate recovered principal over {@code due}, in percent (null when nothing was due)
 * @param rollRates    for each month of the period that is over and each aging bucket, where its receivables were a month later
 * @param reasons      the receivables of {@code due} by the reason their debtor gave on their page for not paying, and what they paid
 * @param punctuality  the punctuality discounts granted to the period's payments
 * @param agencies     per external collection agency, the payments of the period it collected and its commission on them
 */
public record RecoveryReport(LocalDate from, LocalDate to, Due due, Amounts recovered, BigDecimal recoveryRate, List<Line> stages,
                             List<Line> segments, List<Line> channels, List<Line> policyVersions, Agreements agreements,
                             Promises promises, Cure cure, List<Contacts> contacts, List<Roll> rollRates,
                             List<Reason> reasons, Punctuality punctuality, List<Agency> agencies) {

    /**
     * What one external collection agency collected in the period ({@code recovered}: what the debtors
     * paid through it, in {@code count} payments) and the commission it keeps of that, by the policy's
     * rate for each debt's days overdue on the day it was paid.
     */
    public record Agency(String agency, long count, BigDecimal recovered, BigDecimal commission) {
    }

    /**
     * Payments of the period that settled their receivable by its due date with the punctuality
     * discount, and what the discounts took off the principal (counted as paid in what is owed).
     */
    public record Punctuality(long count, BigDecimal discounts) {
    }

    /** Receivables counted and the principal they owed. */
    public record Due(long count, BigDecimal principal) {
    }

    /**
     * Payments counted and how they were applied: interest, fine and principal; {@code excess} is what
     * was paid beyond the balance; {@code total} is what the debtors paid.
     */
    public record Amounts(long count, BigDecimal principal, BigDecimal fine, BigDecimal interest, BigDecimal excess, BigDecimal total) {

        static Amounts zero() {
            BigDecimal z = BigDecimal.ZERO.setScale(2);
            return new Amounts(0, z, z, z, z, z);
        }

        Amounts plus(Amounts o) {
            return new Amounts(count + o.count, principal.add(o.principal), fine.add(o.fine), interest.add(o.interest),
                    excess.add(o.excess), total.add(o.total));
        }
    }

    /** One stage, segment, channel or policy version (null key: not recorded, or no message sent) and what it recovered. */
    public record Line(String key, String name, Amounts amounts) {
    }

    /**
     * Agreements accepted in the period, what their offers took off (discount, and late charges waived),
     * those that ended kept or broken in it, and the installments paid in it.
     */
    public record Agreements(long accepted, BigDecimal discounts, BigDecimal waivedCharges, long kept, long broken,
                             long installmentsPaid, BigDecimal installmentsAmount) {
    }

    /** Promises to pay that ended kept or broken in the period. */
    public record Promises(long kept, long broken) {
    }

    /**
     * Receivables overdue when the period began (principal still owed) and those of them whose
     * principal was paid off by its end; {@code rate} in percent (null when none was overdue).
     */
    public record Cure(long overdue, BigDecimal overduePrincipal, long cured, BigDecimal curedPrincipal, BigDecimal rate) {
    }

    /**
     * The receivables in one aging bucket on the first day of {@code month} (principal then owed) and
     * where they were on the first day of the next: in a later bucket ({@code rolled}), in the same
     * one, or cleared (paid off, or taken into an agreement). {@code rate}: rolled over the start, in
     * percent (null when the bucket was empty).
     */
    public record Roll(String month, String bucket, long count, BigDecimal principal, long rolled, BigDecimal rolledPrincipal,
                       long stayed, BigDecimal stayedPrincipal, long cleared, BigDecimal clearedPrincipal, BigDecimal rate) {
    }

    /** Messages of one channel sent in the period, and those that failed in it. */
    public record Contacts(String channel, long sent, long failed) {
    }

    /**
     * The receivables counted in {@code due} whose debtor gave this reason for not paying (null key: none
     * given), the principal they owed when the period began, what of it they paid in the period, and
     * that in percent (null when they owed nothing). A debtor's latest answer counts.
     */
    public record Reason(String key, String name, long count, BigDecimal owed, BigDecimal recovered, BigDecimal rate) {
    }
}
