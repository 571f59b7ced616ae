package br.com.regua.errors;

/** The request contradicts what is stored (same id, other content; a closed case). Maps to 409. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
