package br.com.regua.integration.bureau;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import br.com.regua.outbox.Rounds;

/** Runs the bureau worker every {@code regua.bureau.poll-interval} when a bureau is configured; several nodes may each run one. */
@Component
class BureauPoller implements SmartLifecycle {

    private final BureauProperties settings;
    private final Rounds rounds;

    BureauPoller(BureauWorker worker, BureauProperties settings) {
        this.settings = settings;
        this.rounds = new Rounds("bureau", settings.pollInterval(), settings.timeout(),
                () -> worker.sendDue().claimed() >= settings.batchSize());
    }

    @Override
    public void start() {
        if (settings.poll() && settings.configured()) {
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
