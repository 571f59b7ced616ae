package br.com.regua.api;

import java.net.URI;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.JsonProcessingException;

import br.com.regua.policy.ApprovalRequiredException;
import br.com.regua.policy.PolicyCompilationException;
import br.com.regua.policy.ScenariosFailedException;

/**
 * Every error of the API as an RFC 9457 problem detail with a stable type, a human title and the
 * offending field; never a Java class name.
 */
@RestControllerAdvice(basePackages = "br.com.regua")
public class ProblemDetails extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetails.class);

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("https://regua.dev/problems/" + type));
        p.setTitle(title);
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

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        FieldProblem problem = ex.getCause() instanceof JsonProcessingException j ? JsonProblems.of(j)
                : new FieldProblem("body", "missing or unreadable request body");
        return ResponseEntity.badRequest().body(invalid(List.of(problem)));
    }
}
