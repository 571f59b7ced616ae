package br.com.regua.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Every failed sign-in (form, HTTP Basic, bearer token) goes to the audit log with the name it tried. */
@Component
class FailedLogins {

    private final AuditLog audit;

    FailedLogins(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String origin = null;
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            origin = details.getRemoteAddress();
        } else if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            origin = request.getRequest().getRemoteAddr();
        }
        String tried = event.getAuthentication().getName();
        audit.record(tried == null || tried.isBlank() ? "unknown" : tried, origin, "SIGN-IN FAILED", 401,
                event.getException().getMessage());
    }
}
