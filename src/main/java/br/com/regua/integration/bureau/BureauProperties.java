package br.com.regua.integration.bureau;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The credit bureau Régua reports to, through its generic HTTP/JSON adapter.
 *
 * @param url           the bureau's base URL ({@code POST {url}/listings}…); none: no bureau is configured, and
 *                      the bureau report stage only records so (the embedded default)
 * @param token         sent as a bearer token
 * @param timeout       the longest the bureau may take to answer
 * @param poll          whether this node runs the worker on a schedule (tests drive it by hand)
 * @param pollInterval  pause between two rounds of the worker
 * @param batchSize     listings and removals taken in one round
 * @param lease         how long a claimed listing is held before another worker may take it
 * @param firstBackoff  wait after a failed try (5xx, 408, 429, no answer); it doubles after each further one
 * @param maxBackoff    the longest wait between two tries
 * @param confirmEvery  how often a removal the bureau accepted but has not confirmed is asked about
 */
@ConfigurationProperties(prefix = "regua.bureau")
public record BureauProperties(
        URI url,
        String token,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("true") boolean poll,
        @DefaultValue("30s") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("1m") Duration firstBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("1h") Duration confirmEvery) {

    public boolean configured() {
        return url != null && !url.toString().isBlank();
    }
}
