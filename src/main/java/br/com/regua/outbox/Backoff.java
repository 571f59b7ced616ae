package br.com.regua.outbox;

import java.time.Duration;

/**
 * The wait before the next try of a failed send: {@code first} after the first failure, doubling
 * after each further one, never more than {@code max}.
 */
public record Backoff(Duration first, Duration max) {

    /** The wait after failed try number {@code attempt} (1 for the first). */
    public Duration after(int attempt) {
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(attempt, 1) - 1, 20));
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
