package br.com.regua.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import br.com.regua.agreement.AgreementService;
import br.com.regua.agreement.AgreementView;
import br.com.regua.agreement.OfferService;
import br.com.regua.transactions.Races;

/** Offers for a receivable or a customer, agreements made from them. */
@RestController
class AgreementController {

    private final OfferService offers;
    private final AgreementService agreements;

    AgreementController(OfferService offers, AgreementService agreements) {
        this.offers = offers;
        this.agreements = agreements;
    }

    @GetMapping("/api/receivables/{externalId}/offers")
    OfferService.Offers forReceivable(@PathVariable String externalId) {
        return offers.forReceivable(PathIds.externalId(externalId, "receivable"));
    }

    @GetMapping("/api/customers/{externalId}/offers")
    OfferService.Offers forCustomer(@PathVariable String externalId) {
        return offers.forCustomer(PathIds.externalId(externalId, "customer"));
    }

    record AcceptRequest(String offerId) {
    }

    @PostMapping("/api/agreements")
    ResponseEntity<AgreementView> accept(@RequestBody AcceptRequest request) {
        // two acceptances of one offer may race; the loser finds the winner's agreement
        AgreementService.Acceptance result = Races.retryOnce(() -> agreements.accept(request.offerId()));
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result.agreement());
    }

    @GetMapping("/api/agreements/{id}")
    AgreementView get(@PathVariable String id) {
        return agreements.get(id);
    }
}
