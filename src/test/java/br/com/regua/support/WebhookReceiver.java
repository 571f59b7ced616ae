package br.com.regua.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import br.com.regua.integration.webhook.WebhookSignature;

/**
 * A backend's webhook receiver, as the README tells integrators to write one: a real HTTP server on
 * the loopback interface that refuses a request whose Standard Webhooks signature does not verify
 * (401), answers 2xx to a duplicate id without taking it again, and keeps what it took, in the order
 * it took it. Tests may make it fail (500) for a number of requests, or until told otherwise.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** An event the receiver took. */
    public record Event(String id, String type, String receivable, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private volatile String secret;
    private final List<Event> taken = new CopyOnWriteArrayList<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile boolean down;

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "webhook-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/regua/events";
    }

    /** The secret Régua gave when the endpoint was registered; the receiver verifies with it. */
    public void useSecret(String secret) {
        this.secret = secret;
    }

    /** Forgets everything and answers 2xx again. */
    public void reset() {
        taken.clear();
        seen.clear();
        requests.set(0);
        duplicates.set(0);
        badSignatures.set(0);
        failNext.set(0);
        down = false;
    }

    /** The next {@code n} requests get a 500. */
    public void failNext(int n) {
        failNext.set(n);
    }

    /** Every request gets a 500 until {@link #up()}. */
    public void down() {
        down = true;
    }

    public void up() {
        down = false;
    }

    public List<Event> taken() {
        return new ArrayList<>(taken);
    }

    public List<Event> takenFor(String receivable) {
        return taken.stream().filter(e -> receivable.equals(e.receivable())).toList();
    }

    public int requests() {
        return requests.get();
    }

    public int duplicates() {
        return duplicates.get();
    }

    public int badSignatures() {
        return badSignatures.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            requests.incrementAndGet();
            if (down || failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer(exchange, 500);
                return;
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (id == null || timestamp == null || signature == null
                    || !WebhookSignature.verify(secret, id, Long.parseLong(timestamp), body, signature)) {
                badSignatures.incrementAndGet();
                answer(exchange, 401);
                return;
            }
            // synchronized: of two copies arriving at once, one is taken
            synchronized (this) {
                if (!seen.add(id)) {
                    duplicates.incrementAndGet();
                    answer(exchange, 204);
                    return;
                }
                JsonNode json = JSON.readTree(body);
                taken.add(new Event(id, json.path("type").asText(), json.path("data").path("receivable").asText(), json));
            }
            answer(exchange, 204);
        }
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
