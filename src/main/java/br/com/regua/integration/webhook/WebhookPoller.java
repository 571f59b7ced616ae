package br.com.regua.integration.webhook;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import br.com.regua.outbox.Rounds;

/** Runs the webhook worker every {@code regua.webhooks.poll-interval}; several nodes may each run one. */
@Component
class WebhookPoller implements SmartLifecycle {

    private final WebhookProperties settings;
    private final Rounds rounds;

    WebhookPoller(WebhookWorker worker, WebhookProperties settings) {
        this.settings = settings;
        this.rounds = new Rounds("webhook-delivery", settings.pollInterval(), settings.batchSize(), settings.timeout(),
                () -> worker.deliverDue().claimed());
    }

    @Override
    public void start() {
        if (settings.poll()) {
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
