package br.com.regua.transactions;

import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;

/**
 * Two requests with the same new external id race: both find nothing, both insert, the database
 * keeps one and the other fails on the unique key. The loser is run once more, in a transaction of
 * its own, and then finds the winner's row — so both callers get the same answer. {@code work}
 * must start its own transaction (a {@code @Transactional} service method or a template).
 */
public final class Races {

    private Races() {
    }

    public static <T> T retryOnce(Supplier<T> work) {
        try {
            return work.get();
        } catch (DuplicateKeyException raced) {
            return work.get();
        }
    }
}
