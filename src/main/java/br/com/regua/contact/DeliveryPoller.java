package br.com.regua.contact;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import br.com.regua.outbox.Rounds;

/**
 * Runs the delivery worker every {@code regua.contact.delivery.poll-interval} on one thread of
 * its own, from when the server is up until it stops. Several nodes may each run one: the claim
 * keeps them from sending the same contact.
 */
@Component
class DeliveryPoller implements SmartLifecycle {

    private final DeliveryWorker worker;
    private final ContactProperties.Delivery settings;
    private final Rounds rounds;

    DeliveryPoller(DeliveryWorker worker, ContactProperties properties) {
        this.worker = worker;
        this.settings = properties.delivery();
        // a full batch: more may be waiting
        this.rounds = new Rounds("contact-delivery", settings.pollInterval(), settings.timeout(),
                () -> worker.deliverDue().claimed() >= settings.batchSize());
    }

    @Override
    public void start() {
        if (settings.poll() && worker.delivers()) {
            rounds.start();
        }
    }

    @Override
    public void stop() {
        rounds.stop();
    }

    @Override
    public boolean isRunning() {
        return rounds.running();
    }
}
