package br.com.regua.integration.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import br.com.regua.events.EventType;
import br.com.regua.errors.InvalidInputException;
import br.com.regua.errors.NotFoundException;

/** What admins do with webhooks: register, list, pause, resume and delete endpoints, watch deliveries, resend an event. */
@Service
public class WebhookService {

    /** The deliveries an endpoint's listing shows, latest first. */
    static final int DELIVERIES_SHOWN = 100;

    private final Endpoints endpoints;
    private final EventOutbox outbox;
    private final Clock clock;

    WebhookService(Endpoints endpoints, EventOutbox outbox, Clock clock) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * An endpoint as admins see it; the secret is never shown again after registration.
     *
     * @param events the event types it hears; null: all of them, present and future
     * @param status ACTIVE, or PAUSED (by failures or an admin) with the reason
     */
    public record Endpoint(long id, String url, List<String> events, String status, String pausedReason, int consecutiveFailures,
                           OffsetDateTime failingSince, OffsetDateTime createdAt) {
    }

    /** A new endpoint with its signing secret, shown this once. */
    public record Registered(Endpoint endpoint, String secret) {
    }

    /**
     * One event to one endpoint and all its tries.
     *
     * @param nextAttemptAt when it is tried next (null once SENT)
     */
    public record Delivery(long id, String eventId, String type, String receivable, OffsetDateTime happenedAt, String status,
                           int attempts, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt, List<Attempt> tries) {

        Delivery withAttempts(List<Attempt> all) {
            return new Delivery(id, eventId, type, receivable, happenedAt, status, attempts, nextAttemptAt, sentAt, List.copyOf(all));
        }
    }

    /**
     * One try: when, what the endpoint answered (null when it did not), the error, and when the next try
     * is due (null when this one succeeded).
     */
    public record Attempt(OffsetDateTime at, Integer statusCode, String error, OffsetDateTime nextAttemptAt) {
    }

    @Transactional
    public Registered register(String url, String secret, List<String> events) {
        String checkedUrl = checkUrl(url);
        String key = secret == null ? WebhookSignature.newSecret() : secret;
        String problem = WebhookSignature.problem(key);
        if (problem != null) {
            throw new InvalidInputException("secret", problem);
        }
        List<String> types = checkEvents(events);
        long id = endpoints.insert(checkedUrl, key, types, OffsetDateTime.now(clock));
        return new Registered(endpoints.find(id).orElseThrow(), key);
    }

    public List<Endpoint> list() {
        return endpoints.all();
    }

    @Transactional
    public void delete(long id) {
        if (!endpoints.delete(id)) {
            throw notFound(id);
        }
    }

    @Transactional
    public Endpoint pause(long id) {
        if (!endpoints.pause(id, "paused by an admin", OffsetDateTime.now(clock))) {
            throw notFound(id);
        }
        return endpoints.find(id).orElseThrow();
    }

    @Transactional
    public Endpoint resume(long id) {
        if (!endpoints.resume(id, OffsetDateTime.now(clock))) {
            throw notFound(id);
        }
        return endpoints.find(id).orElseThrow();
    }

    public List<Delivery> deliveries(long id) {
        endpoints.find(id).orElseThrow(() -> notFound(id));
        return outbox.deliveries(id, DELIVERIES_SHOWN);
    }

    /** Queues the event again for its endpoints; how many deliveries are queued. */
    @Transactional
    public int resend(String eventId) {
        return outbox.resend(eventId, OffsetDateTime.now(clock))
                .orElseThrow(() -> new NotFoundException("no event with id " + eventId));
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("no webhook endpoint with id " + id);
    }

    private static String checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("url", "must not be blank");
        }
        if (url.length() > 2000) {
            throw new InvalidInputException("url", "must have at most 2000 characters");
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new InvalidInputException("url", "must be an http or https URL");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw new InvalidInputException("url", "must name a host");
            }
            if (uri.getUserInfo() != null) {
                throw new InvalidInputException("url", "must not carry a user or password; the signature proves the sender");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "is not a valid URL");
        }
    }

    private static List<String> checkEvents(List<String> events) {
        if (events == null) {
            return List.of();
        }
        if (events.isEmpty()) {
            throw new InvalidInputException("events", "must name at least one event type, or be left out to hear all of them");
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (String type : events) {
            if (type == null || EventType.ofKey(type).isEmpty()) {
                throw new InvalidInputException("events", "has an unknown event type " + (type == null ? "null" : "'" + type + "'")
                        + "; the types are " + Arrays.stream(EventType.values()).map(EventType::key).toList());
            }
            types.add(type);
        }
        return new ArrayList<>(types);
    }
}
