package br.com.regua.monitoring;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Counts every {@link CountedGauges} at start and then every {@code regua.monitoring.refresh-interval},
 * on one thread of its own: a slow count over a large portfolio never holds up the policy reload or
 * the delivery worker, and a scrape never waits for a count.
 */
@Component
public class GaugeRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GaugeRefresher.class);

    private final List<CountedGauges> gauges;
    private final MonitoringProperties settings;
    private ScheduledExecutorService executor;

    GaugeRefresher(List<CountedGauges> gauges, MonitoringProperties settings) {
        this.gauges = gauges;
        this.settings = settings;
    }

    /** Counts everything now, on the caller's thread. */
    public void countNow() {
        for (CountedGauges g : gauges) {
            try {
                g.count();
            } catch (RuntimeException e) {
                // the gauges keep their last values; the next round tries again
                log.warn("Counting the gauges of {} failed: {}", g.getClass().getSimpleName(), e.toString());
            }
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "regua-gauges");
            t.setDaemon(true);
            return t;
        });
        long every = settings.refreshInterval().toMillis();
        executor.scheduleWithFixedDelay(this::countNow, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
