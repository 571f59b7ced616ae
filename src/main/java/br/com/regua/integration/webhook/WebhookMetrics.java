package br.com.regua.integration.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import br.com.regua.monitoring.CountedGauges;
import br.com.regua.monitoring.GroupedCounts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * What operators watch of the events to backends, as of the contacts:
 * <ul>
 * <li>{@code regua_webhooks_due}: deliveries to active endpoints that may be sent now (the backlog), and
 * {@code regua_webhooks_oldest_due_age_seconds}, how long the oldest of them has been due;</li>
 * <li>{@code regua_webhooks_deliveries{status}}: every delivery by status (PENDING, SENT);</li>
 * <li>{@code regua_webhooks_endpoints{status}}: endpoints ACTIVE and PAUSED (a paused one waits for an admin).</li>
 * </ul>
 * Counted on the monitoring schedule, never per scrape.
 */
@Component
class WebhookMetrics implements CountedGauges {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong due = new AtomicLong();
    private final AtomicLong oldestDueAgeSeconds = new AtomicLong();
    private final GroupedCounts deliveries;
    private final GroupedCounts endpoints;

    WebhookMetrics(ObjectProvider<MeterRegistry> registries, JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        MeterRegistry registry = registries.getIfAvailable();
        if (registry != null) {
            Gauge.builder("regua.webhooks.due", due, AtomicLong::get)
                    .description("deliveries of events to active endpoints that may be sent now: the backlog").register(registry);
            Gauge.builder("regua.webhooks.oldest.due.age", oldestDueAgeSeconds, AtomicLong::get).baseUnit("seconds")
                    .description("how long the oldest event delivery that may be sent now has been waiting (0: none)")
                    .register(registry);
        }
        this.deliveries = GroupedCounts.register(registry, "regua.webhooks.deliveries", "event deliveries by status");
        this.endpoints = GroupedCounts.register(registry, "regua.webhooks.endpoints", "webhook endpoints by status");
    }

    @Override
    public void count() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                select count(*) as n, min(d.next_attempt_at) as oldest from webhook_delivery d
                join webhook_endpoint e on e.id = d.endpoint_id
                where d.status = 'PENDING' and d.next_attempt_at <= :now and e.status = 'ACTIVE'""")
                .param("now", now)
                .query((RowCallbackHandler) rs -> {
                    due.set(rs.getLong("n"));
                    Optional<OffsetDateTime> oldest = Optional.ofNullable(rs.getObject("oldest", OffsetDateTime.class));
                    oldestDueAgeSeconds.set(oldest.map(since -> Math.max(0, Duration.between(since, now).toSeconds())).orElse(0L));
                });
        deliveries.show(byStatus("select status, count(*) as n from webhook_delivery group by status", "PENDING", "SENT"));
        endpoints.show(byStatus("select status, count(*) as n from webhook_endpoint group by status", "ACTIVE", "PAUSED"));
    }

    /** The known statuses always show, at zero when none: a dashboard or an alert sees a line from the first scrape. */
    private Map<Tags, Long> byStatus(String sql, String... known) {
        Map<Tags, Long> counts = new LinkedHashMap<>();
        for (String status : known) {
            counts.put(Tags.of("status", status), 0L);
        }
        jdbc.sql(sql).query((RowCallbackHandler) rs -> counts.put(Tags.of("status", rs.getString("status")), rs.getLong("n")));
        return counts;
    }
}
