package br.com.regua.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The open portfolio on {@code asOf}: counts and amounts by the policy's days-overdue buckets, by
 * segment and by stage, and in total. Amounts are what the receivables' own views would show on
 * that date: principal still owed, fine, interest and their total.
 */
public record AgingReport(LocalDate asOf, int policyVersion, List<String> statuses, List<Bucket> buckets, List<Line> segments,
                          List<Line> stages, Amounts total) {

    /** Receivables counted and what they owe. */
    public record Amounts(long count, BigDecimal principal, BigDecimal fine, BigDecimal interest, BigDecimal total) {

        static Amounts zero() {
            BigDecimal z = BigDecimal.ZERO.setScale(2);
            return new Amounts(0, z, z, z, z);
        }

        Amounts plus(Amounts o) {
            return new Amounts(count + o.count, principal.add(o.principal), fine.add(o.fine), interest.add(o.interest), total.add(o.total));
        }
    }

    /** One bucket: its name and days overdue (null: no limit), and what falls in it. */
    public record Bucket(String bucket, Integer fromDay, Integer toDay, Amounts amounts) {
    }

    /**
     * One segment or stage (null segment: not yet classified) and what falls in it; {@code name} is
     * what people read: a stage's name in the collection process, a segment's key.
     */
    public record Line(String key, String name, Amounts amounts) {
    }
}
