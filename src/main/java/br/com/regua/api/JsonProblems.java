package br.com.regua.api;

import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** Turns Jackson's complaints into a field problem a client can act on, with no Java names in it. */
final class JsonProblems {

    private JsonProblems() {
    }

    static FieldProblem of(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return new FieldProblem(field, describe(m));
        }
        return new FieldProblem("body", "malformed JSON");
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            if (target != null && target.isEnum()) {
                return "must be one of " + java.util.Arrays.toString(target.getEnumConstants());
            }
            if (target != null && target.getSimpleName().startsWith("Local")) {
                return "must be a date as yyyy-MM-dd";
            }
            if (target != null && target.getSimpleName().startsWith("Offset")) {
                return "must be a date-time with offset, e.g. 2026-11-24T10:15:00-03:00";
            }
            if (target != null && Number.class.isAssignableFrom(target)) {
                return "must be a number";
            }
            return "has the wrong format";
        }
        if (e instanceof MismatchedInputException) {
            return "has the wrong type";
        }
        return "is invalid";
    }
}
