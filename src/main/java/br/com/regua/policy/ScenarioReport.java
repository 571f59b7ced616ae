package br.com.regua.policy;

import java.util.List;
import java.util.Set;

/** The outcome of running every scenario against one policy: how many ran, which failed, which rules fired. */
public record ScenarioReport(int run, List<ScenarioFailure> failures, Set<String> rulesFired) {

    public boolean passed() {
        return failures.isEmpty();
    }
}
