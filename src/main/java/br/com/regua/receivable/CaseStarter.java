package br.com.regua.receivable;

import java.util.function.Supplier;

/**
 * What intake needs of the collection cases, which own a receivable's case: to start one, and to
 * register many in one engine command. Declared here, implemented by the cases feature, so that
 * receivables know nothing of the process.
 */
public interface CaseStarter {

    /** Starts the case of a receivable just registered, in the caller's transaction; returns the case (instance) id. */
    String start(String externalId, long receivableId);

    /** Runs {@code work} as one engine command in one transaction (many starts, one batched flush). */
    <T> T inOneCommand(Supplier<T> work);
}
