package br.com.regua.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.core.JsonProcessingException;

import br.com.regua.errors.ConflictException;
import br.com.regua.errors.FieldProblem;
import br.com.regua.errors.InvalidInputException;
import br.com.regua.errors.NotFoundException;
import br.com.regua.errors.UnprocessableException;
import br.com.regua.policy.ApprovalRequiredException;
import br.com.regua.policy.PolicyCompilationException;
import br.com.regua.policy.ScenariosFailedException;

/**
 * Every error of the API as an RFC 9457 problem detail with a stable type, a human title and the
 * offending field; never a Java class name. It advises every handler, not only Régua's
 * controllers: an unknown route (no controller, Spring's static resources answer it), a wrong
 * method or media type (no controller matched yet) are errors of the API too. What reaches the
 * container's error page instead is answered by {@link ErrorPage}.
 */
@RestControllerAdvice
public class ProblemDetails extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetails.class);

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("https://regua.dev/problems/" + type));
        p.setTitle(title);
        return p;
    }

    /** The stable type of a status's problems: {@code invalid-input}, {@code not-found}, {@code method-not-allowed}... */
    static String typeOf(HttpStatusCode code) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            return "error-" + code.value();
        }
        return switch (status) {
            case BAD_REQUEST -> "invalid-input";
            case INTERNAL_SERVER_ERROR -> "internal-error";
            default -> status.name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }

    /** A problem of a status no handler of Régua describes better (Spring's or the container's errors). */
    static ProblemDetail ofStatus(HttpStatusCode code, String field, String detail) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == HttpStatus.BAD_REQUEST) {
            return invalid(List.of(new FieldProblem(field, detail)));
        }
        ProblemDetail p = ProblemDetail.forStatusAndDetail(code, detail);
        p.setType(URI.create("https://regua.dev/problems/" + typeOf(code)));
        p.setTitle(switch (code.value()) {
            case 404 -> "Not found";
            case 500 -> "Internal error";
            default -> status == null ? "Error" : status.getReasonPhrase();
        });
        return p;
    }

    static ProblemDetail invalid(List<FieldProblem> problems) {
        FieldProblem first = problems.get(0);
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", first.field() + " " + first.message());
        p.setProperty("field", first.field());
        p.setProperty("errors", problems);
        return p;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return invalid(e.problems());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "conflict", "Conflict with what is stored", e.getMessage());
        p.setProperty("field", e.field());
        return p;
    }

    @ExceptionHandler(UnprocessableException.class)
    ProblemDetail unprocessable(UnprocessableException e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_ENTITY, "unprocessable", "Cannot act on what the request refers to",
                e.getMessage());
        p.setProperty("field", e.field());
        return p;
    }

    @ExceptionHandler(br.com.regua.errors.ForbiddenException.class)
    ProblemDetail forbidden(br.com.regua.errors.ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Not yours to do", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(PolicyCompilationException.class)
    ProblemDetail brokenPolicy(PolicyCompilationException e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_ENTITY, "policy-does-not-compile", "The policy does not compile",
                e.getMessage());
        p.setProperty("errors", e.errors());
        return p;
    }

    @ExceptionHandler(ScenariosFailedException.class)
    ProblemDetail failedScenarios(ScenariosFailedException e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_ENTITY, "policy-scenarios-failed", "The policy fails its scenarios",
                e.getMessage());
        p.setProperty("scenariosRun", e.report().run());
        p.setProperty("failures", e.report().failures());
        return p;
    }

    @ExceptionHandler(ApprovalRequiredException.class)
    ProblemDetail fourEyes(ApprovalRequiredException e) {
        ProblemDetail p = problem(HttpStatus.FORBIDDEN, "four-eyes", "Another person must activate this version", e.getMessage());
        p.setProperty("field", "number");
        return p;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request could not be completed; nothing was changed");
    }

    /**
     * Spring's own exceptions (no route, wrong method, wrong media type, a path or query value of the
     * wrong type) come as problem details of type {@code about:blank}: given Régua's type, title
     * and, for a 400, the field. Headers Spring set (such as {@code Allow}) are kept.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                             WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response == null || !(response.getBody() instanceof ProblemDetail spring)) {
            return response;
        }
        HttpStatusCode status = response.getStatusCode();
        ProblemDetail p;
        if (ex instanceof NoResourceFoundException) {
            p = ofStatus(status, null, "there is nothing at this address");
        } else if (ex instanceof TypeMismatchException e && e.getPropertyName() != null) {
            p = ofStatus(status, e.getPropertyName(), "has the wrong format");
        } else if (ex instanceof MissingServletRequestParameterException e) {
            p = ofStatus(status, e.getParameterName(), "is required");
        } else {
            p = ofStatus(status, "request", spring.getDetail());
        }
        p.setInstance(spring.getInstance());
        return new ResponseEntity<>(p, response.getHeaders(), status);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        FieldProblem problem = ex.getCause() instanceof JsonProcessingException j ? JsonProblems.of(j)
                : new FieldProblem("body", "missing or unreadable request body");
        return ResponseEntity.badRequest().body(invalid(List.of(problem)));
    }
}
