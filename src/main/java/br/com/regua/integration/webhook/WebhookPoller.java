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
        // a full batch, or a sent event whose receivable's next event is now due: go on at once
        this.rounds = new Rounds("webhook-delivery", settings.pollInterval(), settings.timeout(), () -> {
            WebhookWorker.Round round = worker.deliverDue();
            return round.claimed() >= settings.batchSize() || round.sent() > 0;
        });
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
