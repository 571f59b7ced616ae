package br.com.regua.policy;

/** One compilation problem of a policy file. Drools reports column 0 when it does not know it. */
public record PolicyError(String file, int line, int column, String message) {
}
