package br.com.regua.policy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The logic of the live policy (the DRL files of {@code rules/}) reading decision tables of the
 * tests' own ({@code src/test/resources/test-tables/}), for tests of how the logic works: a credit
 * manager's edit of a table in {@code rules/} never breaks them, while the logic they test is the one
 * that runs. What the live tables decide is pinned down by the scenarios in {@code rules/scenarios/}.
 */
final class LogicWithTestTables {

    static final Path TABLES = Path.of("src/test/resources/test-tables");

    private static CompiledPolicy compiled;

    private LogicWithTestTables() {
    }

    static synchronized CompiledPolicy compiled() {
        if (compiled == null) {
            compiled = CompiledPolicy.compile(files());
        }
        return compiled;
    }

    static Map<String, String> files() {
        Map<String, String> files = new TreeMap<>();
        CompiledPolicy.readDirectory(Path.of("rules")).forEach((name, content) -> {
            if (name.endsWith(".drl")) {
                files.put(name, content);
            }
        });
        files.putAll(CompiledPolicy.readDirectory(TABLES));
        return files;
    }

    static PolicyDecision evaluate(CaseFacts facts) {
        return new PolicyEngine(compiled()).evaluate(facts);
    }

    /** With one more file, e.g. a test rule that does what no rule of the policy does. */
    static PolicyEngine with(String fileName, String content) {
        Map<String, String> files = new HashMap<>(files());
        files.put(fileName, content);
        return new PolicyEngine(CompiledPolicy.compile(files));
    }

    /** With a text replaced in one file, as a credit manager would edit it. */
    static PolicyEngine edited(String fileName, String from, String to) {
        Map<String, String> files = new HashMap<>(files());
        String original = files.get(fileName);
        if (!original.contains(from)) {
            throw new IllegalArgumentException(fileName + " does not contain " + from);
        }
        files.put(fileName, original.replace(from, to));
        return new PolicyEngine(CompiledPolicy.compile(files));
    }
}
