package br.com.regua.api;

import java.net.URI;
import java.util.Locale;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The container's error page ({@code /error}), in place of Spring Boot's JSON or HTML one: what
 * reaches it (an error no handler of Régua turned into a problem detail: a filter refused the
 * request, a page sent an error status, a request asked only for HTML) answers a problem detail
 * with Régua's types, whatever the client accepts. A request for {@code /error} itself finds
 * nothing there.
 */
@RestController
class ErrorPage implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatusCode status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
                && code < 600 ? HttpStatusCode.valueOf(code) : HttpStatus.NOT_FOUND;
        ProblemDetail p = ProblemDetails.ofStatus(status, "request", detail(status));
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            try {
                p.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // the path the container could not make sense of: left out
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private static String detail(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "the request is malformed";
            case 404 -> "there is nothing at this address";
            case 405 -> "this address does not take this method";
            case 500 -> "the request could not be completed";
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                yield known == null ? "the request could not be completed" : known.getReasonPhrase().toLowerCase(Locale.ROOT);
            }
        };
    }
}
