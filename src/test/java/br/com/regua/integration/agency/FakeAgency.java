package br.com.regua.integration.agency;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Two collection agencies on the loopback interface, {@code /alfa} and {@code /beta}, that keep
 * their placements as an agency would: a new reference is placed (201 with an id), a known one
 * answers 409 with its id, a recall answers 204 (404 for a placement it does not have). The test
 * may script the next answers (a 503, say) and delay every answer, and reads every request.
 */
final class FakeAgency implements AutoCloseable {

    record Received(String agency, String method, String path, String query, String idempotencyKey, String authorization,
                    JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> script = new ConcurrentLinkedDeque<>();
    private final Map<String, String> idByReference = new ConcurrentHashMap<>();
    private final Map<String, String> placed = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;

    FakeAgency() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-agency");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    String url(String agency) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + agency;
    }

    void reset() {
        received.clear();
        script.clear();
        idByReference.clear();
        placed.clear();
        delay = Duration.ZERO;
    }

    /** The next requests get these status codes, whatever they ask; then the agency answers as itself again. */
    void answerNext(Integer... statuses) {
        script.addAll(List.of(statuses));
    }

    void delayEveryAnswer(Duration by) {
        delay = by;
    }

    List<Received> received(String method) {
        return received.stream().filter(r -> r.method().equals(method)).toList();
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String full = exchange.getRequestURI().getPath();
        String agency = full.substring(1, full.indexOf('/', 1));
        String path = full.substring(agency.length() + 1);
        received.add(new Received(agency, exchange.getRequestMethod(), path, exchange.getRequestURI().getQuery(),
                exchange.getRequestHeaders().getFirst("Idempotency-Key"), exchange.getRequestHeaders().getFirst("Authorization"),
                body.isBlank() ? null : JSON.readTree(body)));
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Integer scripted = script.poll();
        if (scripted != null) {
            answer(exchange, scripted, "{\"detail\": \"scripted\"}");
            return;
        }
        String method = exchange.getRequestMethod();
        if (method.equals("POST") && path.equals("/placements")) {
            String reference = JSON.readTree(body).get("reference").asText();
            String known = idByReference.get(agency + ":" + reference);
            if (known != null) {
                answer(exchange, 409, "{\"id\": \"" + known + "\"}");
                return;
            }
            String id = agency.toUpperCase() + "-" + ids.incrementAndGet();
            idByReference.put(agency + ":" + reference, id);
            placed.put(id, reference);
            answer(exchange, 201, "{\"id\": \"" + id + "\"}");
        } else if (method.equals("DELETE") && path.startsWith("/placements/")) {
            String id = path.substring("/placements/".length());
            answer(exchange, placed.remove(id) == null ? 404 : 204, "");
        } else {
            answer(exchange, 404, "");
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 || bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0 && status != 204) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
