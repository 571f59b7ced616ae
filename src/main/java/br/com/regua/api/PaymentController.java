package br.com.regua.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import br.com.regua.agreement.AgreementService;
import br.com.regua.errors.InvalidInputException;
import br.com.regua.payment.NewPayment;
import br.com.regua.payment.PaymentService;
import br.com.regua.transactions.Races;

@RestController
@RequestMapping("/api/payments")
class PaymentController {

    private final PaymentService payments;
    private final AgreementService agreements;

    PaymentController(PaymentService payments, AgreementService agreements) {
        this.payments = payments;
        this.agreements = agreements;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> register(@RequestBody NewPayment request) {
        if (request.paysAnInstallment()) {
            if (request.agency() != null) {
                // an agreement is recalled from the agency: its installments are the debtor's own
                throw new InvalidInputException("agency", "an agreement's installment is not collected by an agency: leave agency out");
            }
            return installment(request);
        }
        PaymentService.Outcome outcome = Races.retryOnce(() -> payments.register(request));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("payment", outcome.payment());
        body.put("receivableStatus", outcome.receivableStatus().name());
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(body);
    }

    private ResponseEntity<Map<String, Object>> installment(NewPayment request) {
        AgreementService.PaymentOutcome outcome = Races.retryOnce(() -> agreements.pay(request));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("payment", outcome.payment());
        body.put("agreementStatus", outcome.agreement().status().name());
        body.put("agreement", outcome.agreement());
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(body);
    }
}
