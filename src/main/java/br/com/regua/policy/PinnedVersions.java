package br.com.regua.policy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * The stored policy versions that decide the cases a champion/challenger experiment drew to them,
 * compiled once per node and kept: an experiment has two versions, and its cases live for months.
 * A stored version compiled when it was saved, so compiling it again cannot fail on its rules.
 */
public class PinnedVersions implements IntFunction<CompiledPolicy> {

    private final PolicyStore store;
    private final Map<Integer, CompiledPolicy> compiled = new ConcurrentHashMap<>();

    public PinnedVersions(PolicyStore store) {
        this.store = store;
    }

    @Override
    public CompiledPolicy apply(int number) {
        return compiled.computeIfAbsent(number, n -> CompiledPolicy.compile(store.version(n)
                .orElseThrow(() -> new IllegalStateException("a case is decided by policy version " + n + ", which is not stored"))
                .files()).numbered(n));
    }
}
