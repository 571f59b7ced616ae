package br.com.regua.api;

import java.math.BigDecimal;

import br.com.regua.report.ReportCsv;
import br.com.regua.schedule.PolicyWhatIf;

/** The cases a what-if changes, one row each, for a spreadsheet: as the report's CSVs are written. */
final class WhatIfCsv {

    private WhatIfCsv() {
    }

    static String of(PolicyWhatIf.Report report) {
        StringBuilder csv = new StringBuilder();
        ReportCsv.row(csv, "id", "segment_before", "segment_after", "next_stage_before", "next_stage_after", "date_before",
                "date_after", "discount_before", "discount_after", "charges_waived_before", "charges_waived_after", "explanation");
        for (PolicyWhatIf.ChangedCase c : report.firstChanged()) {
            PolicyWhatIf.Outcome b = c.before();
            PolicyWhatIf.Outcome a = c.after();
            ReportCsv.row(csv, c.externalId(), b.segment(), a == null ? null : a.segment(), b.nextStage(),
                    a == null ? null : a.nextStage(), date(b), a == null ? null : date(a), money(b.principalDiscount()),
                    a == null ? null : money(a.principalDiscount()), money(b.chargesWaived()),
                    a == null ? null : money(a.chargesWaived()), c.explanation());
        }
        return csv.toString();
    }

    private static String date(PolicyWhatIf.Outcome o) {
        return o.nextContactAt() == null ? null : o.nextContactAt().toLocalDate().toString();
    }

    private static String money(BigDecimal v) {
        return ReportCsv.money(v);
    }
}
