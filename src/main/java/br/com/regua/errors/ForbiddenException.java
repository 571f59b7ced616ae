package br.com.regua.errors;

/**
 * The caller's role lets them in, but not to this one thing (a call task another collector took).
 * Maps to 403; nothing was changed.
 */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
