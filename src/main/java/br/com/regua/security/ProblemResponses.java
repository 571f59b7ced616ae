package br.com.regua.security;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** 401, 403 and a URL the firewall refuses, as problem details like every other error of the API. */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final ObjectMapper json;
    private final String challenge;

    ProblemResponses(ObjectMapper json, boolean bearerAccepted) {
        this.json = json;
        this.challenge = bearerAccepted ? "Basic realm=\"Regua\", Bearer" : "Basic realm=\"Regua\"";
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", challenge);
        write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required",
                "send the credentials of a Régua user or integration client (HTTP Basic, or a bearer token)");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        if (e instanceof CsrfException) {
            write(response, HttpStatus.FORBIDDEN, "csrf", "Missing or stale CSRF token",
                    "a signed-in page must send the token of GET /api/session in the X-CSRF-TOKEN header; reload the page");
            return;
        }
        write(response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed for your role",
                "your roles do not allow " + request.getMethod() + " " + request.getRequestURI()
                        + "; see the role table in the README");
    }

    /** The firewall refused the URL itself (an encoded line break, a path traversal): nothing was looked up. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e) throws IOException {
        write(response, HttpStatus.BAD_REQUEST, "rejected-url", "The URL holds what no request may carry",
                "line breaks, encoded slashes, '..' and similar are refused in a URL; nothing was changed");
    }

    private void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail) throws IOException {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("https://regua.dev/problems/" + type));
        p.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), p);
    }
}
