package br.com.regua.api;

import java.time.LocalDate;

import br.com.regua.errors.InvalidInputException;

/** The period a report is asked for: {@code from} and {@code to}, both days included, at most a year. */
record ReportPeriod(LocalDate start, LocalDate end) {

    /** Both required; {@code to} on or after {@code from} and within a year of it, or a 400 naming the parameter. */
    static ReportPeriod of(String from, String to) {
        LocalDate start = required("from", from);
        LocalDate end = required("to", to);
        if (end.isBefore(start)) {
            throw new InvalidInputException("to", "must be on or after from (" + start + ")");
        }
        // a report over a period passes over the receivables once per month of it (the recovery's roll rates)
        if (end.isAfter(start.plusYears(1).minusDays(1))) {
            throw new InvalidInputException("to", "must be within a year of from (" + start + "): ask for a longer time a year at a time");
        }
        return new ReportPeriod(start, end);
    }

    private static LocalDate required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required: a date as YYYY-MM-DD, e.g. 2026-03-01");
        }
        return ReportController.date(field, value);
    }
}
