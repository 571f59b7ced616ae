package br.com.regua.security;

import java.io.IOException;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes every request that asks for a change — Régua's API, Camunda's REST API, Cockpit, Tasklist
 * and Admin (users, groups, deployments, instances) — to the audit log with who, from where, what and
 * the answer, refused ones included. Reads are not audited. Bodies are never stored: they hold
 * passwords and personal data.
 */
class AuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final AuditLog audit;

    AuditFilter(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return READS.contains(request.getMethod())
                || !(path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/"))
                // Camunda's webapps ask for these on every page; they change nothing
                || path.endsWith("/count") || path.contains("/plugin/base/default/process-instance");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            String action = request.getMethod() + " " + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            try {
                audit.record(actor(), request.getRemoteAddr(), action, response.getStatus(), null);
            } catch (RuntimeException e) {
                // the change stands; a missing audit line must be seen by operators
                log.error("Audit event not recorded: {} by {}", action.replaceAll("\\p{Cntrl}", "?"), actor(), e);
            }
        }
    }

    static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken ? "anonymous" : auth.getName();
    }
}
