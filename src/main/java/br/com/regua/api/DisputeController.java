package br.com.regua.api;

import java.math.BigDecimal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import br.com.regua.agreement.DisputeOutcome;
import br.com.regua.agreement.DisputeService;
import br.com.regua.agreement.DisputeView;
import br.com.regua.receivable.MoneyDeserializer;

/** Disputes: opened on a receivable, resolved by a reviewer. */
@RestController
class DisputeController {

    private final DisputeService disputes;

    DisputeController(DisputeService disputes) {
        this.disputes = disputes;
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

    @PostMapping("/api/disputes/{id}/resolution")
    DisputeView resolve(@PathVariable String id, @RequestBody Resolution request) {
        return disputes.resolve(id, request.outcome(), request.correctedAmount(), request.note());
    }
}
