package br.com.regua.transactions;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value read once per transaction: an intake registers a hundred cases in one, and each asked the
 * database again for the same thing (the running experiment, the webhook endpoints listening). What
 * is read stays for the rest of the transaction, as if it had read it at its first question; a change
 * committed meanwhile by another transaction is seen by the next one. Outside a transaction, read
 * every time.
 */
public final class PerTransaction {

    private static final Object RESOURCE = PerTransaction.class;

    private PerTransaction() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T get(String key, Supplier<T> read) {
        if (!TransactionSynchronizationManager.isActualTransactionActive() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return read.get();
        }
        // a transaction of its own started inside this one reads for itself
        Map<String, Object> values = TransactionBound.get(RESOURCE, HashMap::new, null);
        if (!values.containsKey(key)) {
            values.put(key, read.get());
        }
        return (T) values.get(key);
    }

    /** Forgets {@code key} for the rest of the transaction: this transaction itself changed what it read. */
    public static void forget(String key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) TransactionSynchronizationManager.getResource(RESOURCE);
            if (values != null) {
                values.remove(key);
            }
        }
    }
}
