package br.com.regua.report;

import java.math.BigDecimal;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The reports as CSV for spreadsheets (RFC 4180): a header row, comma-separated, amounts with a
 * decimal point and two decimals whatever the server's locale, text quoted when it must be.
 */
public final class ReportCsv {

    public static final String MEDIA_TYPE = "text/csv";

    private ReportCsv() {
    }

    /** One row per bucket, segment and stage, then the total; {@code dimension} says which. */
    public static String aging(AgingReport report) {
        StringBuilder csv = new StringBuilder();
        row(csv, "as_of", "dimension", "key", "from_day", "to_day", "count", "principal", "fine", "interest", "total");
        String asOf = report.asOf().toString();
        for (AgingReport.Bucket b : report.buckets()) {
            amounts(csv, asOf, "bucket", b.bucket(), b.fromDay(), b.toDay(), b.amounts());
        }
        for (AgingReport.Line l : report.segments()) {
            amounts(csv, asOf, "segment", l.key(), null, null, l.amounts());
        }
        for (AgingReport.Line l : report.stages()) {
            amounts(csv, asOf, "stage", l.key(), null, null, l.amounts());
        }
        amounts(csv, asOf, "total", "all", null, null, report.total());
        return csv.toString();
    }

    /**
     * One row per figure: {@code section} says which part of the report (due, recovered, stage,
     * segment, channel, policy_version, agreements, punctuality, agency, promises, cure, contacts, nonpayment_reason, roll), {@code key} which line,
     * {@code measure} what is counted; a row holds a count, an amount or a rate in percent. Roll rates
 * come last, keyed by month and bucket.
     */
    public static String recovery(RecoveryReport report) {
        StringBuilder csv = new StringBuilder();
        row(csv, "from", "to", "section", "key", "measure", "count", "amount", "percent");
        Recovery rows = new Recovery(csv, report.from().toString(), report.to().toString());
        rows.add("due", "all", "principal", report.due().count(), report.due().principal(), null);
        rows.amounts("recovered", "all", report.recovered());
        rows.add("recovered", "all", "recovery_rate", null, null, report.recoveryRate());
        report.stages().forEach(l -> rows.amounts("stage", l.key(), l.amounts()));
        report.segments().forEach(l -> rows.amounts("segment", l.key(), l.amounts()));
        report.channels().forEach(l -> rows.amounts("channel", l.key(), l.amounts()));
        report.policyVersions().forEach(l -> rows.amounts("policy_version", l.key(), l.amounts()));
        RecoveryReport.Agreements a = report.agreements();
        rows.add("agreements", "accepted", "discount", a.accepted(), a.discounts(), null);
        rows.add("agreements", "accepted", "waived_charges", a.accepted(), a.waivedCharges(), null);
        rows.add("agreements", "kept", "agreements", a.kept(), null, null);
        rows.add("agreements", "broken", "agreements", a.broken(), null, null);
        rows.add("agreements", "installments", "paid", a.installmentsPaid(), a.installmentsAmount(), null);
        rows.add("punctuality", "granted", "discount", report.punctuality().count(), report.punctuality().discounts(), null);
        for (RecoveryReport.Agency g : report.agencies()) {
            rows.add("agency", g.agency(), "recovered", g.count(), g.recovered(), null);
            rows.add("agency", g.agency(), "commission", g.count(), g.commission(), null);
        }
        rows.add("promises", "kept", "promises", report.promises().kept(), null, null);
        rows.add("promises", "broken", "promises", report.promises().broken(), null, null);
        RecoveryReport.Cure cure = report.cure();
        rows.add("cure", "overdue_at_start", "principal", cure.overdue(), cure.overduePrincipal(), null);
        rows.add("cure", "cured", "principal", cure.cured(), cure.curedPrincipal(), cure.rate());
        for (RecoveryReport.Contacts c : report.contacts()) {
            rows.add("contacts", c.channel(), "sent", c.sent(), null, null);
            rows.add("contacts", c.channel(), "failed", c.failed(), null, null);
        }
        for (RecoveryReport.Reason r : report.reasons()) {
            String key = r.key() == null ? "none_given" : r.key();
            rows.add("nonpayment_reason", key, "owed", r.count(), r.owed(), null);
            rows.add("nonpayment_reason", key, "recovered", null, r.recovered(), r.rate());
        }
        for (RecoveryReport.Roll r : report.rollRates()) {
            String key = r.month() + " " + r.bucket();
            rows.add("roll", key, "at_start", r.count(), r.principal(), null);
            rows.add("roll", key, "rolled", r.rolled(), r.rolledPrincipal(), r.rate());
            rows.add("roll", key, "stayed", r.stayed(), r.stayedPrincipal(), null);
            rows.add("roll", key, "cleared", r.cleared(), r.clearedPrincipal(), null);
        }
        return csv.toString();
    }

    private record Recovery(StringBuilder csv, String from, String to) {

        void amounts(String section, String key, RecoveryReport.Amounts a) {
            add(section, key, "principal", a.count(), a.principal(), null);
            add(section, key, "fine", a.count(), a.fine(), null);
            add(section, key, "interest", a.count(), a.interest(), null);
            add(section, key, "excess", a.count(), a.excess(), null);
            add(section, key, "total", a.count(), a.total(), null);
        }

        void add(String section, String key, String measure, Long count, BigDecimal amount, BigDecimal percent) {
            row(csv, from, to, section, key, measure, count == null ? null : count.toString(), amount == null ? null : money(amount),
                    percent == null ? null : percent.toPlainString());
        }
    }

    /** One row per receivable of the page. */
    public static String receivables(ReceivablePage page) {
        StringBuilder csv = new StringBuilder();
        row(csv, "external_id", "customer_external_id", "customer_name", "status", "stage", "segment", "amount", "due_date",
                "days_overdue", "principal", "fine", "interest", "total", "as_of");
        for (ReceivablePage.Item i : page.items()) {
            row(csv, i.externalId(), i.customerExternalId(), i.customerName(), i.status(), i.stage(), i.segment(), money(i.amount()),
                    i.dueDate().toString(), Integer.toString(i.daysOverdue()), money(i.principal()), money(i.fine()), money(i.interest()),
                    money(i.total()), page.asOf().toString());
        }
        return csv.toString();
    }

    /** One row per listing of the credit bureau report, with its dates and whether its removal met the deadline. */
    public static String bureau(BureauReport report) {
        StringBuilder csv = new StringBuilder();
        row(csv, "receivable", "status", "amount", "requested_at", "listed_at", "refused_reason", "removal_reason", "removal_requested_at",
                "removal_due_by", "removed_at", "deadline_met");
        for (BureauReport.Line l : report.lines()) {
            row(csv, l.receivable(), l.status(), money(l.amount()), text(l.requestedAt()), text(l.listedAt()), l.refusedReason(),
                    l.removalReason(), text(l.removalRequestedAt()), text(l.removalDueBy()), text(l.removedAt()),
                    l.deadlineMet() == null ? null : l.deadlineMet() ? "yes" : "no");
        }
        return csv.toString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static void amounts(StringBuilder csv, String asOf, String dimension, String key, Integer from, Integer to,
                                AgingReport.Amounts a) {
        row(csv, asOf, dimension, key, from == null ? null : from.toString(), to == null ? null : to.toString(), Long.toString(a.count()),
                money(a.principal()), money(a.fine()), money(a.interest()), money(a.total()));
    }

    /** An amount as every CSV of Régua writes it: a decimal point, two decimals. */
    public static String money(BigDecimal v) {
        return v.setScale(2).toPlainString();
    }

    /** One row, each cell quoted when it must be and kept from being read as a formula. */
    public static void row(StringBuilder csv, String... cells) {
        csv.append(Stream.of(cells).map(ReportCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        // a leading = + - @ would make a spreadsheet run the cell as a formula
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?") ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
