package br.com.regua.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import br.com.regua.errors.InvalidInputException;
import br.com.regua.errors.UnprocessableException;
import br.com.regua.policy.PolicyOutputException;
import br.com.regua.report.AgingReport;
import br.com.regua.report.AgingReports;
import br.com.regua.report.RecoveryReport;
import br.com.regua.report.RecoveryReports;
import br.com.regua.report.ReportCsv;

/** Reports for credit managers and analysts, as JSON or, with {@code Accept: text/csv}, as CSV. */
@RestController
class ReportController {

    private final AgingReports aging;
    private final RecoveryReports recovery;

    ReportController(AgingReports aging, RecoveryReports recovery) {
        this.aging = aging;
        this.recovery = recovery;
    }

    /** The open portfolio by days-overdue bucket, segment and stage on {@code asOf} (default: today). */
    @GetMapping(path = "/api/reports/aging", produces = MediaType.APPLICATION_JSON_VALUE)
    AgingReport aging(@RequestParam(required = false) String asOf) {
        LocalDate date = asOf == null || asOf.isBlank() ? null : date("asOf", asOf);
        try {
            return date == null ? aging.today() : aging.asOf(date);
        } catch (PolicyOutputException e) {
            // buckets that leave a day out or count one twice: the policy must be fixed, not the request retried
            throw new UnprocessableException("policy", e.getMessage());
        }
    }

    @GetMapping(path = "/api/reports/aging", produces = ReportCsv.MEDIA_TYPE)
    String agingCsv(@RequestParam(required = false) String asOf) {
        return ReportCsv.aging(aging(asOf));
    }

    /** What was recovered against what was due, from {@code from} to {@code to}, both days included. */
    @GetMapping(path = "/api/reports/recovery", produces = MediaType.APPLICATION_JSON_VALUE)
    RecoveryReport recovery(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        ReportPeriod period = ReportPeriod.of(from, to);
        try {
            return recovery.between(period.start(), period.end());
        } catch (PolicyOutputException e) {
            // the roll rates need the policy's buckets, as the aging does
            throw new UnprocessableException("policy", e.getMessage());
        }
    }

    @GetMapping(path = "/api/reports/recovery", produces = ReportCsv.MEDIA_TYPE)
    String recoveryCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return ReportCsv.recovery(recovery(from, to));
    }

    static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date as YYYY-MM-DD, e.g. 2026-03-31");
        }
    }
}
