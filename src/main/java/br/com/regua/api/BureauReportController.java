package br.com.regua.api;


import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import br.com.regua.report.BureauReport;
import br.com.regua.report.BureauReports;
import br.com.regua.report.ReportCsv;

/** The credit bureau report, as JSON or, with {@code Accept: text/csv}, as CSV. */
@RestController
class BureauReportController {

    private final BureauReports reports;

    BureauReportController(BureauReports reports) {
        this.reports = reports;
    }

    /** Listings requested and removals asked for from {@code from} to {@code to}, both days included. */
    @GetMapping(path = "/api/reports/bureau", produces = MediaType.APPLICATION_JSON_VALUE)
    BureauReport bureau(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        ReportPeriod period = ReportPeriod.of(from, to);
        return reports.between(period.start(), period.end());
    }

    @GetMapping(path = "/api/reports/bureau", produces = ReportCsv.MEDIA_TYPE)
    String bureauCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return ReportCsv.bureau(bureau(from, to));
    }
}
