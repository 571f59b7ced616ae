package br.com.regua.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The credit bureau over a period: every listing requested in it and every removal asked for in it,
 * with their dates, and whether each removal met its legal deadline (five business days after
 * payment, STJ Súmula 548).
 *
 * @param from   the first day, included
 * @param to     the last day, included
 * @param asOf   the day the deadlines are judged on (today)
 * @param totals the counts of the lines
 * @param lines  one per listing, the oldest request first
 */
public record BureauReport(LocalDate from, LocalDate to, LocalDate asOf, Totals totals, List<Line> lines) {

    /**
     * @param requested         listings requested in the period
     * @param listed            of them, listed at the bureau (now or before their removal)
     * @param refused           of them, never sent: a condition of the policy failed (or the debt ended first)
     * @param failed            of them, refused by the bureau
     * @param removalsRequested removals asked for in the period
     * @param removedInTime     of them, confirmed by their deadline
     * @param removedLate       of them, confirmed after it
     * @param overdue           of them, not confirmed and past it: incidents
     * @param listedAmount      the amounts listed (of the listings requested in the period)
     */
    public record Totals(long requested, long listed, long refused, long failed, long removalsRequested, long removedInTime,
                         long removedLate, long overdue, BigDecimal listedAmount) {
    }

    /**
     * One listing.
     *
     * @param deadlineMet null when no removal was asked for or its deadline is still ahead; true when
     *                    confirmed by its deadline; false when confirmed after it or still not confirmed past it
     */
    public record Line(String receivable, String status, BigDecimal amount, OffsetDateTime requestedAt, OffsetDateTime listedAt,
                       String refusedReason, String removalReason, OffsetDateTime removalRequestedAt, LocalDate removalDueBy,
                       OffsetDateTime removedAt, Boolean deadlineMet) {
    }
}
