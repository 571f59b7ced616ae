package br.com.regua.api;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import br.com.regua.errors.InvalidInputException;
import br.com.regua.security.AuditLog;

/** The audit log for admins: {@code GET /api/audit?who=ana&what=/api/policy&from=...&to=...&limit=100}. */
@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    List<AuditLog.Event> read(@RequestParam(required = false) String who, @RequestParam(required = false) String what,
                              @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                              @RequestParam(defaultValue = "100") String limit) {
        int n;
        try {
            n = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("limit", "must be a whole number from 1 to " + AuditLog.MAX_PAGE);
        }
        if (n < 1 || n > AuditLog.MAX_PAGE) {
            throw new InvalidInputException("limit", "must be a whole number from 1 to " + AuditLog.MAX_PAGE);
        }
        if (who != null && who.length() > 200) {
            throw new InvalidInputException("who", "must be at most 200 characters");
        }
        if (what != null && what.length() > 300) {
            throw new InvalidInputException("what", "must be at most 300 characters");
        }
        return audit.read(new AuditLog.Query(blankToNull(who), blankToNull(what), instant("from", from), instant("to", to), n));
    }

    private static OffsetDateTime instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date-time with offset, e.g. 2026-11-24T10:15:00-03:00");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
