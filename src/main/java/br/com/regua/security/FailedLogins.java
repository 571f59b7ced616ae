package br.com.regua.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Every failed sign-in (form, HTTP Basic, bearer token) goes to the audit log with the name it tried,
 * and is counted in {@code regua_logins_failed_total}: a sudden climb is someone guessing passwords.
 */
@Component
class FailedLogins {

    private final AuditLog audit;
    private final Counter failures;

    FailedLogins(AuditLog audit, ObjectProvider<MeterRegistry> registry) {
        this.audit = audit;
        MeterRegistry meters = registry.getIfAvailable();
        this.failures = meters == null ? null
                : Counter.builder("regua.logins.failed").description("failed sign-ins (form, HTTP Basic, bearer token)").register(meters);
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String origin = null;
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            origin = details.getRemoteAddress();
        } else if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            origin = request.getRequest().getRemoteAddr();
        }
        if (failures != null) {
            failures.increment();
        }
        String tried = event.getAuthentication().getName();
        audit.record(tried == null || tried.isBlank() ? "unknown" : tried, origin, "SIGN-IN FAILED", 401,
                event.getException().getMessage());
    }
}
