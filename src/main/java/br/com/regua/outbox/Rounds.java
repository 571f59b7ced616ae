package br.com.regua.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an outbox worker's rounds every {@code interval} on one daemon thread of its own, from
 * {@link #start()} until {@link #stop()}. A round answers whether more may be waiting (a full
 * batch, say), and then the next round follows at once. A round that fails is logged and the next
 * one tries again: what it had claimed goes back to the queue when its lease ends.
 */
public final class Rounds {

    private static final Logger log = LoggerFactory.getLogger(Rounds.class);

    private final String name;
    private final Duration interval;
    private final Duration stopWait;
    private final BooleanSupplier round;
    private ScheduledExecutorService executor;

    public Rounds(String name, Duration interval, Duration stopWait, BooleanSupplier round) {
        this.name = name;
        this.interval = interval;
        this.stopWait = stopWait;
        this.round = round;
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        long every = interval.toMillis();
        executor.scheduleWithFixedDelay(this::run, every, every, TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            boolean more = true;
            while (more) {
                more = round.getAsBoolean();
            }
        } catch (RuntimeException e) {
            log.error("A {} round failed", name, e);
        }
    }

    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(stopWait.toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    public synchronized boolean running() {
        return executor != null;
    }
}
