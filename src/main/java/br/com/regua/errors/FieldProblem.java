package br.com.regua.errors;

/** One bad input: the JSON path of the field (e.g. {@code customer.document}) and what is wrong. */
public record FieldProblem(String field, String message) {
}
