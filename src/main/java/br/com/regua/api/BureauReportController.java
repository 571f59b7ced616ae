package br.com.regua.api;

import java.time.LocalDate;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import br.com.regua.errors.InvalidInputException;
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
        LocalDate start = required("from", from);
        LocalDate end = required("to", to);
        if (end.isBefore(start)) {
            throw new InvalidInputException("to", "must be on or after from (" + start + ")");
        }
        if (end.isAfter(start.plusYears(1).minusDays(1))) {
            throw new InvalidInputException("to", "must be within a year of from (" + start + "): ask for a longer time a year at a time");
        }
        return reports.between(start, end);
    }

    @GetMapping(path = "/api/reports/bureau", produces = ReportCsv.MEDIA_TYPE)
    String bureauCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return ReportCsv.bureau(bureau(from, to));
    }

    private static LocalDate required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required: a date as YYYY-MM-DD, e.g. 2026-03-01");
        }
        return ReportController.date(field, value);
    }
}
