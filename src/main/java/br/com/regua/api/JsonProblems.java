package br.com.regua.api;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import br.com.regua.errors.FieldProblem;
import br.com.regua.receivable.MoneyDeserializer;

/** Turns Jackson's complaints into a field problem a client can act on, with no Java names in it. */
final class JsonProblems {

    private JsonProblems() {
    }

    static FieldProblem of(JsonProcessingException e) {
        // Jackson reports a key given twice as a parse error ("Duplicate field 'amount'"), wrapped
        // with the path of the object it is in; the parser it came from still knows where it stood
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException s && s.getProcessor() != null && s.getOriginalMessage() != null
                    && s.getOriginalMessage().startsWith("Duplicate field")) {
                return new FieldProblem(field(s.getProcessor().getParsingContext()), "must be given once");
            }
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return new FieldProblem(field, describe(m));
        }
        return new FieldProblem("body", e instanceof MismatchedInputException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Trailing token") ? "must be one JSON value with nothing after it" : "malformed JSON");
    }

    /** Where the parser stood, as the API names fields: {@code items[0].amount}. */
    private static String field(JsonStreamContext where) {
        Deque<JsonStreamContext> outermostFirst = new ArrayDeque<>();
        for (JsonStreamContext c = where; c != null && !c.inRoot(); c = c.getParent()) {
            outermostFirst.push(c);
        }
        StringBuilder field = new StringBuilder();
        for (JsonStreamContext c : outermostFirst) {
            if (c.inArray()) {
                field.append('[').append(c.getCurrentIndex()).append(']');
            } else if (c.getCurrentName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(c.getCurrentName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            if (target == BigDecimal.class) {
                return MoneyDeserializer.RULE;
            }
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
