package br.com.regua.policy;

import java.util.List;
import java.util.stream.Collectors;

/** The policy files do not compile; the active policy, if any, stays. */
public class PolicyCompilationException extends RuntimeException {

    private final transient List<PolicyError> errors;

    public PolicyCompilationException(List<PolicyError> errors) {
        super("policy does not compile: " + errors.stream()
                .map(e -> e.file() + ":" + e.line() + ": " + e.message())
                .collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<PolicyError> errors() {
        return errors;
    }
}
