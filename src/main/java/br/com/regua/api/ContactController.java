package br.com.regua.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import br.com.regua.contact.ContactStatus;
import br.com.regua.contact.DeliveryReports;
import br.com.regua.errors.InvalidInputException;
import br.com.regua.errors.NotFoundException;

/** The providers' delivery webhook: {@code POST /api/contacts/{id}/status}. */
@RestController
@RequestMapping("/api/contacts")
class ContactController {

    private final DeliveryReports reports;

    ContactController(DeliveryReports reports) {
        this.reports = reports;
    }

    /** {@code {"status": "DELIVERED"}} or {@code {"status": "FAILED", "reason": "mailbox full"}}. */
    record StatusReport(String status, String reason) {
    }

    @PostMapping("/{id}/status")
    Map<String, Object> report(@PathVariable String id, @RequestBody StatusReport report) {
        long contactId;
        try {
            contactId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("no contact with id " + id);
        }
        if (report.status() == null || report.status().isBlank()) {
            throw new InvalidInputException("status", "must not be blank");
        }
        if (!report.status().equals("DELIVERED") && !report.status().equals("FAILED")) {
            throw new InvalidInputException("status", "must be one of [DELIVERED, FAILED]");
        }
        if (report.reason() != null && report.reason().length() > 500) {
            throw new InvalidInputException("reason", "size must be between 0 and 500");
        }
        ContactStatus status = reports.report(contactId, ContactStatus.valueOf(report.status()), report.reason());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", contactId);
        body.put("status", status.name());
        return body;
    }
}
