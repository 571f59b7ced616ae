package br.com.regua.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import br.com.regua.monitoring.CountedGauges;
import br.com.regua.monitoring.GroupedCounts;
import br.com.regua.policy.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * What operators watch of the contacts:
 * <ul>
 * <li>{@code regua_contacts_deliveries_total{channel,outcome}}: the worker's outcomes (sent, deferred,
 * retrying, failed);</li>
 * <li>{@code regua_contacts{channel,status}}: every contact by channel and status, the providers'
 * reports (DELIVERED, FAILED) included;</li>
 * <li>the outbox: {@code regua_contacts_waiting} (QUEUED or DEFERRED, due or not),
 * {@code regua_contacts_due} (may be sent now) and {@code regua_contacts_oldest_due_age_seconds}
 * (how long the oldest of those has been due). A backlog or an age that only grows means a channel
 * is down or the worker is behind.</li>
 * </ul>
 * The gauges are counted on the monitoring schedule, never per scrape.
 */
@Component
class DeliveryMetrics implements CountedGauges {

    private final MeterRegistry registry;
    private final Outbox outbox;
    private final Clock clock;
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong due = new AtomicLong();
    private final AtomicLong oldestDueAgeSeconds = new AtomicLong();
    private final GroupedCounts byChannelAndStatus;

    DeliveryMetrics(ObjectProvider<MeterRegistry> registry, Outbox outbox, Clock clock) {
        this.registry = registry.getIfAvailable();
        this.outbox = outbox;
        this.clock = clock;
        if (this.registry != null) {
            Gauge.builder("regua.contacts.waiting", waiting, AtomicLong::get)
                    .description("contacts in the outbox waiting to be delivered (QUEUED or DEFERRED)")
                    .register(this.registry);
            Gauge.builder("regua.contacts.due", due, AtomicLong::get)
                    .description("contacts in the outbox that may be sent now: the backlog")
                    .register(this.registry);
            Gauge.builder("regua.contacts.oldest.due.age", oldestDueAgeSeconds, AtomicLong::get).baseUnit("seconds")
                    .description("how long the oldest contact that may be sent now has been waiting (0: none)")
                    .register(this.registry);
            // every series from the start at zero, so a rate over them is defined before the first send
            for (Channel channel : Channel.values()) {
                for (DeliveryWorker.Outcome outcome : DeliveryWorker.Outcome.values()) {
                    deliveries(channel, outcome.name().toLowerCase(Locale.ROOT));
                }
            }
        }
        this.byChannelAndStatus = GroupedCounts.register(this.registry, "regua.contacts", "contacts by channel and status");
    }

    void outcome(Channel channel, String outcome) {
        if (registry != null) {
            deliveries(channel, outcome).increment();
        }
    }

    private Counter deliveries(Channel channel, String outcome) {
        return Counter.builder("regua.contacts.deliveries").description("outcomes of the delivery worker's tries")
                .tag("channel", channel.name()).tag("outcome", outcome).register(registry);
    }

    @Override
    public void count() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        waiting.set(outbox.waiting());
        Outbox.Backlog backlog = outbox.backlog(now);
        due.set(backlog.due());
        oldestDueAgeSeconds.set(backlog.oldestDueSince().map(since -> Math.max(0, Duration.between(since, now).toSeconds())).orElse(0L));
        Map<Tags, Long> counts = new LinkedHashMap<>();
        outbox.countByChannelAndStatus().forEach(c -> counts.put(Tags.of("channel", c.channel(), "status", c.status()), c.count()));
        byChannelAndStatus.show(counts);
    }
}
