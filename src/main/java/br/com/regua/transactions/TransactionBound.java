package br.com.regua.transactions;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value kept with the transaction running now until it completes. A transaction of its own
 * started inside it (a new one, suspending it) neither sees the value nor leaves its own there.
 * Callers check that transaction synchronization is active.
 */
public final class TransactionBound {

    private TransactionBound() {
    }

    /**
     * The value kept under {@code key}, made by {@code made} when there is none yet; {@code
     * beforeCommit}, when not null, gets it just before the transaction commits.
     */
    public static <T> T get(Object key, Supplier<T> made, Consumer<T> beforeCommit) {
        @SuppressWarnings("unchecked")
        T kept = (T) TransactionSynchronizationManager.getResource(key);
        if (kept != null) {
            return kept;
        }
        T value = made.get();
        TransactionSynchronizationManager.bindResource(key, value);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                if (beforeCommit != null) {
                    beforeCommit.accept(value);
                }
            }

            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(key, value);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
        return value;
    }
}
