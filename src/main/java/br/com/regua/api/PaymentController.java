package br.com.regua.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import br.com.regua.payment.NewPayment;
import br.com.regua.payment.PaymentService;

@RestController
@RequestMapping("/api/payments")
class PaymentController {

    private final PaymentService payments;

    PaymentController(PaymentService payments) {
        this.payments = payments;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> register(@RequestBody NewPayment request) {
        PaymentService.Outcome outcome;
        try {
            outcome = payments.register(request);
        } catch (DuplicateKeyException raced) {
            outcome = payments.register(request);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("payment", outcome.payment());
        body.put("receivableStatus", outcome.receivableStatus().name());
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(body);
    }
}
