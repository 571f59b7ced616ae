package br.com.regua.api;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import br.com.regua.contact.ContactStatus;
import br.com.regua.contact.DeliveryReports;
import br.com.regua.contact.Letters;
import br.com.regua.errors.InvalidInputException;
import br.com.regua.errors.NotFoundException;

/**
 * The providers' delivery webhook ({@code POST /api/contacts/{id}/status}) and a letter's PDF
 * ({@code GET /api/contacts/{id}/document}).
 */
@RestController
@RequestMapping("/api/contacts")
class ContactController {

    private final DeliveryReports reports;
    private final Letters letters;

    ContactController(DeliveryReports reports, Letters letters) {
        this.reports = reports;
        this.letters = letters;
    }

    /**
     * {@code {"status": "DELIVERED"}} or {@code {"status": "FAILED", "reason": "mailbox full"}}; for a
     * letter, the post's {@code trackingCode} and {@code receivedAt}, when the debtor signed the return receipt (AR).
     */
    record StatusReport(String status, String reason, String trackingCode, String receivedAt) {
    }

    @PostMapping("/{id}/status")
    Map<String, Object> report(@PathVariable String id, @RequestBody StatusReport report) {
        long contactId = contactId(id);
        if (report.status() == null || report.status().isBlank()) {
            throw new InvalidInputException("status", "must not be blank");
        }
        if (!report.status().equals("DELIVERED") && !report.status().equals("FAILED")) {
            throw new InvalidInputException("status", "must be one of [DELIVERED, FAILED]");
        }
        if (report.reason() != null && report.reason().length() > 500) {
            throw new InvalidInputException("reason", "size must be between 0 and 500");
        }
        if (report.trackingCode() != null && (report.trackingCode().isBlank() || report.trackingCode().length() > 100)) {
            throw new InvalidInputException("trackingCode", "size must be between 1 and 100");
        }
        OffsetDateTime receivedAt = null;
        if (report.receivedAt() != null) {
            try {
                receivedAt = OffsetDateTime.parse(report.receivedAt().strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("receivedAt", "must be a date and time with its offset, such as 2026-12-03T14:20:00-03:00");
            }
        }
        ContactStatus status = reports.report(contactId, ContactStatus.valueOf(report.status()), report.reason(), report.trackingCode(),
                receivedAt);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", contactId);
        body.put("status", status.name());
        return body;
    }

    /** The PDF of a letter, as posted (or, not posted yet, as it would be printed today); 404 for a contact that is no letter. */
    @GetMapping(path = "/{id}/document", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> document(@PathVariable String id) {
        long contactId = contactId(id);
        byte[] pdf = letters.document(contactId).orElseThrow(() -> new NotFoundException("contact " + id + " is no letter"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"carta-" + contactId + ".pdf\"").body(pdf);
    }

    private static long contactId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("no contact with id " + id);
        }
    }
}
