package br.com.regua.contact;

/**
 * Whether a promise reminder is still wanted when the worker is about to send it. The promise
 * feature answers it (it owns promises, and depends on this package, not the reverse).
 */
public interface PromiseStanding {

    /** True while the promise is open and the payments made since it do not yet keep it. */
    boolean open(String promiseId);
}
