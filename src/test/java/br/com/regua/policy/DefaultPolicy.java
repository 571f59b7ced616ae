package br.com.regua.policy;

import java.nio.file.Path;

/**
 * The live policy of rules/, compiled once: what the scenarios run against. Tests of mechanism do
 * not use it (see {@link LogicWithTestTables} and {@link FrozenPolicy}), so that a credit manager's
 * edit of rules/ breaks only the scenarios it contradicts.
 */
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
}
