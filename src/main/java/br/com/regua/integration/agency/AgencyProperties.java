package br.com.regua.integration.agency;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The external collection agencies Régua places debts with, each by the name the policy uses
 * ({@code regua.agencies.NAME.url}), and how the worker that talks to them runs
 * ({@code regua.agency-worker.*}). No agency: the collection agency stage only records so (the
 * embedded default).
 *
 * @param agencies    by name, as {@code agencies.drl.csv} names them
 * @param agencyWorker how the placements and recalls are sent
 */
@ConfigurationProperties(prefix = "regua")
public record AgencyProperties(@DefaultValue Map<String, Agency> agencies, @DefaultValue Worker agencyWorker) {

    /**
     * One agency's generic HTTP/JSON API.
     *
     * @param url     its base URL ({@code POST {url}/placements}…)
     * @param token   sent as a bearer token
     * @param timeout the longest it may take to answer
     */
    public record Agency(URI url, String token, @DefaultValue("10s") Duration timeout) {
    }

    /**
     * @param poll         whether this node runs the worker on a schedule (tests drive it by hand)
     * @param pollInterval pause between two rounds of the worker
     * @param batchSize    placements and recalls taken in one round
     * @param lease        how long a claimed placement is held before another worker may take it
     * @param firstBackoff wait after a failed try (5xx, 408, 429, no answer); it doubles after each further one
     * @param maxBackoff   the longest wait between two tries
     */
    public record Worker(@DefaultValue("true") boolean poll, @DefaultValue("30s") Duration pollInterval,
                         @DefaultValue("20") int batchSize, @DefaultValue("5m") Duration lease,
                         @DefaultValue("1m") Duration firstBackoff, @DefaultValue("1h") Duration maxBackoff) {
    }

    /** The agency of that name, when it is configured with a URL. */
    public java.util.Optional<Agency> agency(String name) {
        Agency a = name == null ? null : agencies.get(name);
        return a != null && a.url() != null && !a.url().toString().isBlank() ? java.util.Optional.of(a) : java.util.Optional.empty();
    }

    public boolean anyConfigured() {
        return agencies.keySet().stream().anyMatch(n -> agency(n).isPresent());
    }
}
