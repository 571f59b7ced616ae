package br.com.regua.api;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
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
import br.com.regua.security.Role;

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

    /** The signed-in user with their groups: their authorities are their Camunda groups (or the token's roles). */
    static DeskService.Caller caller(Authentication who) {
        java.util.Set<String> groups = who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        return new DeskService.Caller(who.getName(), groups, groups.contains(Role.ADMIN.group()));
    }

    @GetMapping("/api/desk/tasks/{taskId}")
    DeskView view(@PathVariable String taskId, Authentication who) {
        return desk.view(taskId, caller(who));
    }

    @PostMapping("/api/desk/tasks/{taskId}/outcome")
    DeskView.CallLine outcome(@PathVariable String taskId, @RequestBody(required = false) OutcomeRequest request, Authentication who) {
        return desk.record(taskId, caller(who), request == null ? null
                : new NewCallOutcome(request.outcome(), request.amount(), request.date(), request.callBackAt(), request.note()));
    }
}
