package br.com.regua.support;

import java.nio.file.Path;

/**
 * The policy the server tests run on: a copy of {@code rules/} kept under the tests' resources, so
 * that a credit manager's edit of the live policy never breaks the build. The live policy is
 * covered by its own scenarios ({@code rules/scenarios/}); tests of mechanism that need a whole
 * policy use this one, and change it only when the mechanism they test needs a different rule. It is
 * also the policy as it was before its numbers moved into decision tables, which the tables are
 * proven to decide exactly as ({@code PolicyTablesNeutralityTests}).
 */
public final class TestPolicy {

    /** The directory, relative to the project, as {@code regua.rules-dir} takes it. */
    public static final Path DIR = Path.of("src/test/resources/test-rules");

    private TestPolicy() {
    }
}
