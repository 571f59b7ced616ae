package br.com.regua.integration.bureau;

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
 * A credit bureau on the loopback interface that keeps its listings as a bureau would: a new
 * reference is listed (201 with an id), a known one answers 409 with its id, a removal answers 204
 * (or 202 when told to confirm later), a status answers LISTED or REMOVED. The test may script the
 * next answers (a 503, say) and delay every answer, and reads every request it got.
 */
final class FakeBureau implements AutoCloseable {

    record Received(String method, String path, String idempotencyKey, String authorization, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> script = new ConcurrentLinkedDeque<>();
    private final Map<String, String> idByReference = new ConcurrentHashMap<>();
    private final Map<String, String> statusById = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean confirmRemovalsLater;
    private volatile Duration delay = Duration.ZERO;

    FakeBureau() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-bureau");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/bureau";
    }

    void reset() {
        received.clear();
        script.clear();
        idByReference.clear();
        statusById.clear();
        confirmRemovalsLater = false;
        delay = Duration.ZERO;
    }

    /** The next requests get these status codes, whatever they ask; then the bureau answers as itself again. */
    void answerNext(Integer... statuses) {
        script.addAll(List.of(statuses));
    }

    /** Removals are accepted (202) and stay LISTED until {@link #confirmRemovals()}. */
    void confirmRemovalsLater() {
        confirmRemovalsLater = true;
    }

    void delayEveryAnswer(Duration by) {
        delay = by;
    }

    /** A listing the bureau has from before, e.g. sent by a node whose answer was lost. */
    String alreadyListed(String reference) {
        String id = "L-" + ids.incrementAndGet();
        idByReference.put(reference, id);
        statusById.put(id, "LISTED");
        return id;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    List<Received> received(String method) {
        return received.stream().filter(r -> r.method().equals(method)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath().substring("/bureau".length());
        received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                exchange.getRequestHeaders().getFirst("Authorization"), body.isBlank() ? null : JSON.readTree(body)));
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
        if (method.equals("POST") && path.equals("/listings")) {
            String reference = JSON.readTree(body).get("reference").asText();
            String known = idByReference.get(reference);
            if (known != null) {
                answer(exchange, 409, "{\"id\": \"" + known + "\"}");
                return;
            }
            String id = alreadyListed(reference);
            answer(exchange, 201, "{\"id\": \"" + id + "\"}");
        } else if (path.startsWith("/listings/")) {
            String id = path.substring("/listings/".length());
            if (!statusById.containsKey(id)) {
                answer(exchange, 404, "");
            } else if (method.equals("DELETE")) {
                if (confirmRemovalsLater) {
                    answer(exchange, 202, "");
                } else {
                    statusById.put(id, "REMOVED");
                    answer(exchange, 204, "");
                }
            } else {
                answer(exchange, 200, "{\"id\": \"" + id + "\", \"status\": \"" + statusById.get(id) + "\"}");
            }
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
