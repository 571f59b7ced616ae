package br.com.regua.policy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import br.com.regua.support.TestPolicy;

/**
 * The tests' own policy ({@link TestPolicy}): the policy as it was before its numbers moved into
 * decision tables (with promises to pay, which came after). Tests of mechanism (the engine, the allow-list, how DRL logic combines)
 * run on it, so that a credit manager's edit of {@code rules/} never breaks the build; the live
 * policy is pinned down by the scenarios in {@code rules/scenarios/}.
 */
final class FrozenPolicy {

    static final Path DIRECTORY = TestPolicy.DIR;

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
