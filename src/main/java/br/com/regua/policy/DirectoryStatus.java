package br.com.regua.policy;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What became of the last change seen in the rules directory: taken in as a version, or refused
 * with the errors or failed scenarios that the health endpoint and the log show.
 */
public record DirectoryStatus(boolean accepted, String detail, List<PolicyError> errors, List<ScenarioFailure> failures,
                              OffsetDateTime at) {

    static DirectoryStatus accepted(String detail, OffsetDateTime at) {
        return new DirectoryStatus(true, detail, List.of(), List.of(), at);
    }
}
