package br.com.regua.contact;

/**
 * A send that did not go through. Permanent when trying again cannot help (the provider refused
 * the recipient or the request); otherwise the worker tries again after a backoff.
 */
class DeliveryException extends Exception {

    private final boolean permanent;

    DeliveryException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    boolean permanent() {
        return permanent;
    }
}
