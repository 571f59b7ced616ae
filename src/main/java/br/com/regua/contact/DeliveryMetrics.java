package br.com.regua.contact;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import br.com.regua.policy.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What operators watch: {@code regua.contacts.deliveries} counts the worker's outcomes by channel
 * (sent, deferred, retrying, failed) and {@code regua.contacts.waiting} is how many contacts wait
 * in the outbox (QUEUED or DEFERRED) — one that only grows means a channel is down.
 */
@Component
class DeliveryMetrics {

    private final MeterRegistry registry;

    DeliveryMetrics(ObjectProvider<MeterRegistry> registry, Outbox outbox) {
        this.registry = registry.getIfAvailable();
        if (this.registry != null) {
            Gauge.builder("regua.contacts.waiting", outbox, Outbox::waiting)
                    .description("contacts in the outbox waiting to be delivered (QUEUED or DEFERRED)")
                    .register(this.registry);
        }
    }

    void outcome(Channel channel, String outcome) {
        if (registry != null) {
            Counter.builder("regua.contacts.deliveries").description("outcomes of the delivery worker's tries")
                    .tag("channel", channel.name()).tag("outcome", outcome).register(registry).increment();
        }
    }
}
