package br.com.regua.integration.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How events reach the backends' endpoints.
 *
 * @param poll               whether this node runs the worker on a schedule (tests drive it by hand)
 * @param pollInterval       pause between two rounds of the worker
 * @param batchSize          deliveries claimed in one round
 * @param lease              how long a claimed delivery is held before another worker may take it; deliveries are
 *                           claimed a few at a time, as many as could each take the whole timeout in half of it
 * @param timeout            the longest an endpoint may take to answer
 * @param firstBackoff       wait after a delivery's first failed try; it doubles after each further one
 * @param maxBackoff         the longest wait between two tries
 * @param pauseAfterFailures failed tries in a row (any of its deliveries) after which an endpoint is paused
 * @param pauseAfter         how long an endpoint may keep failing, without one success, before it is paused
 */
@ConfigurationProperties(prefix = "regua.webhooks")
public record WebhookProperties(
        @DefaultValue("true") boolean poll,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("10s") Duration firstBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("10") int pauseAfterFailures,
        @DefaultValue("24h") Duration pauseAfter) {
}
