package br.com.regua.errors;

/**
 * The request is well formed but refers to something Régua cannot act on (an altered or unknown
 * offer). Maps to 422; nothing was changed.
 */
public class UnprocessableException extends RuntimeException {

    private final String field;

    public UnprocessableException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
