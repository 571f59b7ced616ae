package br.com.regua.policy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The policy of rules/, compiled once for all rule tests, plus variants with extra or edited files. */
final class DefaultPolicy {

    private static CompiledPolicy compiled;

    private DefaultPolicy() {
    }

    static synchronized CompiledPolicy compiled() {
        if (compiled == null) {
            compiled = CompiledPolicy.fromDirectory(Path.of("rules"));
        }
        return compiled;
    }

    static PolicyDecision evaluate(CaseFacts facts) {
        return new PolicyEngine(compiled()).evaluate(facts);
    }

    /** The default policy with one more file, e.g. a test rule that sets what no default rule sets. */
    static PolicyEngine with(String fileName, String content) {
        Map<String, String> files = new HashMap<>(compiled().files());
        files.put(fileName, content);
        return new PolicyEngine(CompiledPolicy.compile(files));
    }

    /** The default policy with a text replaced in one file, as a credit manager would edit it. */
    static PolicyEngine edited(String fileName, String from, String to) {
        Map<String, String> files = new HashMap<>(compiled().files());
        String original = files.get(fileName);
        if (!original.contains(from)) {
            throw new IllegalArgumentException(fileName + " does not contain " + from);
        }
        files.put(fileName, original.replace(from, to));
        return new PolicyEngine(CompiledPolicy.compile(files));
    }
}
