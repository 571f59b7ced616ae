package br.com.regua.policy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A policy of the tests' own, kept in the test resources: the policy as it was before its numbers
 * moved into decision tables. Tests of mechanism (the engine, the allow-list, how DRL logic combines)
 * run on it, so that a credit manager's edit of {@code rules/} never breaks the build; the live
 * policy is pinned down by the scenarios in {@code rules/scenarios/}.
 */
final class FrozenPolicy {

    static final Path DIRECTORY = Path.of("src/test/resources/policy-before-tables");

    private static CompiledPolicy compiled;

    private FrozenPolicy() {
    }

    static synchronized CompiledPolicy compiled() {
        if (compiled == null) {
            compiled = CompiledPolicy.fromDirectory(DIRECTORY);
        }
        return compiled;
    }

    static PolicyDecision evaluate(CaseFacts facts) {
        return new PolicyEngine(compiled()).evaluate(facts);
    }

    /** The frozen policy with one more file, e.g. a test rule that does what no rule of it does. */
    static PolicyEngine with(String fileName, String content) {
        Map<String, String> files = new HashMap<>(compiled().files());
        files.put(fileName, content);
        return new PolicyEngine(CompiledPolicy.compile(files));
    }
}
