package br.com.regua.api;

import java.time.LocalDate;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import br.com.regua.contact.Letters;
import br.com.regua.errors.InvalidInputException;

/**
 * The day's letters, when no print-and-post provider is configured: {@code GET /api/letters/batch?date=}
 * gives one ZIP with a PDF per letter and a CSV manifest. Downloading changes nothing: the same day
 * gives the same letters, so a download lost on the way is simply made again.
 */
@RestController
class LetterController {

    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final Letters letters;

    LetterController(Letters letters) {
        this.letters = letters;
    }

    @GetMapping(path = "/api/letters/batch", produces = "application/zip")
    ResponseEntity<byte[]> batch(@RequestParam(required = false) String date) {
        if (date == null || date.isBlank()) {
            throw new InvalidInputException("date", "is required: a date as YYYY-MM-DD, e.g. 2026-12-01");
        }
        LocalDate day = ReportController.date("date", date);
        byte[] zip = Letters.zip(letters.batch(day));
        return ResponseEntity.ok().contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cartas-" + day + ".zip\"").body(zip);
    }
}
