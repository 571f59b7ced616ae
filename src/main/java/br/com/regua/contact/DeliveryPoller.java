package br.com.regua.contact;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the delivery worker every {@code regua.contact.delivery.poll-interval} on one thread of
 * its own, from when the server is up until it stops. Several nodes may each run one: the claim
 * keeps them from sending the same contact.
 */
@Component
class DeliveryPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPoller.class);

    private final DeliveryWorker worker;
    private final ContactProperties.Delivery settings;
    private ScheduledExecutorService executor;

    DeliveryPoller(DeliveryWorker worker, ContactProperties properties) {
        this.worker = worker;
        this.settings = properties.delivery();
    }

    @Override
    public synchronized void start() {
        if (!settings.poll() || !worker.delivers()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "contact-delivery");
            t.setDaemon(true);
            return t;
        });
        long every = settings.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            DeliveryWorker.Round round;
            do {
                round = worker.deliverDue();
            } while (round.claimed() >= settings.batchSize()); // a full batch: more may be waiting
        } catch (RuntimeException e) {
            // the next round tries again; a contact claimed here goes back to the queue when its lease ends
            log.error("Contact delivery round failed", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
