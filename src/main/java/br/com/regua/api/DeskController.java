package br.com.regua.api;

import java.security.Principal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import br.com.regua.desk.DeskService;
import br.com.regua.desk.DeskView;
import br.com.regua.desk.NewCallOutcome;
import br.com.regua.receivable.MoneyDeserializer;

/** The collector desk over JSON: a call task's view, and the outcome of the call. */
@RestController
class DeskController {

    private final DeskService desk;

    DeskController(DeskService desk) {
        this.desk = desk;
    }

    record OutcomeRequest(String outcome, @JsonDeserialize(using = MoneyDeserializer.class) java.math.BigDecimal amount,
                          java.time.LocalDate date, java.time.OffsetDateTime callBackAt, String note) {
    }

    @GetMapping("/api/desk/tasks/{taskId}")
    DeskView view(@PathVariable String taskId, Principal who) {
        return desk.view(taskId, who.getName());
    }

    @PostMapping("/api/desk/tasks/{taskId}/outcome")
    DeskView.CallLine outcome(@PathVariable String taskId, @RequestBody(required = false) OutcomeRequest request, Principal who) {
        return desk.record(taskId, who.getName(), request == null ? null
                : new NewCallOutcome(request.outcome(), request.amount(), request.date(), request.callBackAt(), request.note()));
    }
}
