package br.com.regua.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The credit bureau report: listings and removals of a period, on Régua's clock and time zone. */
@Service
public class BureauReports {

    private final JdbcClient jdbc;
    private final Clock clock;

    public BureauReports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Listings requested, or whose removal was asked for, from {@code from} to {@code to}, both days included. */
    public BureauReport between(LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        LocalDate today = LocalDate.now(clock);
        List<Row> rows = jdbc.sql("""
                        select r.external_id, b.status, b.amount, b.requested_at, b.listed_at, b.refused_reason, b.removal_reason,
                               b.removal_requested_at, b.removal_due_by, b.removed_at
                        from bureau_listing b join receivable r on r.id = b.receivable_id
                        where (b.requested_at >= :start and b.requested_at < :end)
                           or (b.removal_requested_at >= :start and b.removal_requested_at < :end)
                        order by b.requested_at, b.id""")
                .param("start", start).param("end", end)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getObject(4, OffsetDateTime.class),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class),
                        rs.getObject(9, LocalDate.class), rs.getObject(10, OffsetDateTime.class)))
                .list();
        List<BureauReport.Line> lines = rows.stream().map(r -> r.line(today, clock)).toList();
        long requested = 0;
        long listed = 0;
        long refused = 0;
        long failed = 0;
        long removals = 0;
        long inTime = 0;
        long late = 0;
        long overdue = 0;
        BigDecimal amount = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            BureauReport.Line l = lines.get(i);
            if (within(r.requestedAt(), start, end)) {
                requested++;
                if (r.listedAt() != null) {
                    listed++;
                    amount = amount.add(r.amount());
                }
                refused += "REFUSED".equals(r.status()) ? 1 : 0;
                failed += "FAILED".equals(r.status()) ? 1 : 0;
            }
            // a listing refused before it was ever sent needs no removal at the bureau
            if (within(r.removalRequestedAt(), start, end) && r.listedAt() != null) {
                removals++;
                if (r.removedAt() != null) {
                    inTime += Boolean.TRUE.equals(l.deadlineMet()) ? 1 : 0;
                    late += Boolean.FALSE.equals(l.deadlineMet()) ? 1 : 0;
                } else if (Boolean.FALSE.equals(l.deadlineMet())) {
                    overdue++;
                }
            }
        }
        return new BureauReport(from, to, today, new BureauReport.Totals(requested, listed, refused, failed, removals, inTime, late,
                overdue, amount), lines);
    }

    private static boolean within(OffsetDateTime at, OffsetDateTime start, OffsetDateTime end) {
        return at != null && !at.isBefore(start) && at.isBefore(end);
    }

    private record Row(String receivable, String status, BigDecimal amount, OffsetDateTime requestedAt, OffsetDateTime listedAt,
                       String refusedReason, String removalReason, OffsetDateTime removalRequestedAt, LocalDate removalDueBy,
                       OffsetDateTime removedAt) {

        BureauReport.Line line(LocalDate today, Clock clock) {
            Boolean met = null;
            if (removalDueBy != null && listedAt != null) {
                if (removedAt != null) {
                    met = !removedAt.atZoneSameInstant(clock.getZone()).toLocalDate().isAfter(removalDueBy);
                } else if (today.isAfter(removalDueBy)) {
                    met = false;
                }
            }
            return new BureauReport.Line(receivable, status, amount, requestedAt, listedAt, refusedReason, removalReason, removalRequestedAt,
                    removalDueBy, removedAt, met);
        }
    }
}
