package br.com.regua.integration.agency;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import br.com.regua.outbox.Rounds;

/** Runs the agency worker every {@code regua.agency-worker.poll-interval} when an agency is configured; several nodes may each run one. */
@Component
class AgencyPoller implements SmartLifecycle {

    private final AgencyProperties settings;
    private final Rounds rounds;

    AgencyPoller(AgencyWorker worker, AgencyProperties settings) {
        this.settings = settings;
        this.rounds = new Rounds("agency", settings.agencyWorker().pollInterval(), java.time.Duration.ofSeconds(10),
                () -> worker.sendDue().claimed() >= settings.agencyWorker().batchSize());
    }

    @Override
    public void start() {
        if (settings.agencyWorker().poll() && settings.anyConfigured()) {
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
