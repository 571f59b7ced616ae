package br.com.regua.api;

import java.math.BigDecimal;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import br.com.regua.agreement.DisputeOutcome;
import br.com.regua.agreement.DisputeReceipts;
import br.com.regua.agreement.DisputeService;
import br.com.regua.agreement.DisputeView;
import br.com.regua.receivable.MoneyDeserializer;

/** Disputes: opened on a receivable, resolved by a reviewer. */
@RestController
class DisputeController {

    private final DisputeService disputes;
    private final DisputeReceipts receipts;

    DisputeController(DisputeService disputes, DisputeReceipts receipts) {
        this.disputes = disputes;
        this.receipts = receipts;
    }

    record OpenRequest(String reason) {
    }

    record Resolution(DisputeOutcome outcome, @JsonDeserialize(using = MoneyDeserializer.class) BigDecimal correctedAmount,
                      String note) {
    }

    @PostMapping("/api/receivables/{externalId}/disputes")
    @ResponseStatus(HttpStatus.CREATED)
    DisputeView open(@PathVariable String externalId, @RequestBody OpenRequest request) {
        return disputes.open(PathIds.externalId(externalId, "receivable"), request.reason());
    }

    @GetMapping("/api/disputes/{id}")
    DisputeView get(@PathVariable String id) {
        return disputes.get(id);
    }

    /**
     * The receipt the debtor attached to "Já paguei" on their page, as they sent it, with the type
     * its first bytes showed; 404 when the dispute has none. Never shown inline: a reviewer's browser
     * saves it rather than rendering what a stranger sent.
     */
    @GetMapping("/api/disputes/{id}/receipt")
    ResponseEntity<byte[]> receipt(@PathVariable String id) {
        disputes.get(id);
        DisputeReceipts.Receipt receipt = receipts.of(id);
        String extension = switch (receipt.contentType()) {
            case "application/pdf" -> "pdf";
            case "image/png" -> "png";
            default -> "jpg";
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(receipt.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("comprovante-" + id + "." + extension).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                // RFC 9530: the reviewer can check the file is the one the debtor sent
                .header("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder().encodeToString(
                        java.util.HexFormat.of().parseHex(receipt.sha256())) + ":")
                .body(receipt.content());
    }

    @PostMapping("/api/disputes/{id}/resolution")
    DisputeView resolve(@PathVariable String id, @RequestBody Resolution request) {
        return disputes.resolve(id, request.outcome(), request.correctedAmount(), request.note());
    }
}
