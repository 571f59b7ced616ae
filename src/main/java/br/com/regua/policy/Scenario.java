package br.com.regua.policy;

import java.util.Map;

/**
 * One line of a credit manager's scenario file: the facts of a debtor and debt, and what the
 * policy is expected to decide for them. Only the expectations filled in are checked.
 *
 * @param file         the scenario file, e.g. {@code scenarios/grace.csv}
 * @param line         its line in that file
 * @param expectations normalised column name (e.g. {@code expectedgracedays}) → expected value
 */
public record Scenario(String file, int line, String name, CaseFacts facts, Map<String, String> expectations) {
}
