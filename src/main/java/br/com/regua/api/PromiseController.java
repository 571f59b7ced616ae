package br.com.regua.api;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import br.com.regua.promise.PromiseService;
import br.com.regua.promise.PromiseView;
import br.com.regua.receivable.MoneyDeserializer;

/** Promises to pay: recorded by a collector or a backend, listed with how they stand. */
@RestController
class PromiseController {

    private final PromiseService promises;

    PromiseController(PromiseService promises) {
        this.promises = promises;
    }

    record PromiseRequest(@JsonDeserialize(using = MoneyDeserializer.class) BigDecimal amount, LocalDate date) {
    }

    @PostMapping("/api/receivables/{externalId}/promises")
    @ResponseStatus(HttpStatus.CREATED)
    PromiseView make(@PathVariable String externalId, @RequestBody PromiseRequest request, Principal who) {
        return promises.make(PathIds.externalId(externalId, "receivable"), request.amount(), request.date(),
                who == null ? null : who.getName());
    }

    @GetMapping("/api/receivables/{externalId}/promises")
    List<PromiseView> list(@PathVariable String externalId) {
        return promises.forReceivable(PathIds.externalId(externalId, "receivable"));
    }
}
