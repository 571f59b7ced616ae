package br.com.regua.policy;

/** A scenario whose policy decision differs from what the credit manager expected. */
public record ScenarioFailure(String file, int line, String scenario, String check, String expected, String actual) {
}
