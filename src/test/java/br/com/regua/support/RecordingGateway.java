package br.com.regua.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP gateway on the loopback interface: records every request it gets and answers what
 * the test tells it to (200 with an id by default, a status, or nothing until the caller gives up).
 */
public final class RecordingGateway implements AutoCloseable {

    /** One request as the gateway saw it. */
    public record Received(String path, String idempotencyKey, String authorization, JsonNode body) {
    }

    /** How to answer one request: a status, after a delay (a hang when longer than the caller waits). */
    public record Answer(int status, Duration delay) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
    private final AtomicInteger ids = new AtomicInteger();

    public RecordingGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "recording-gateway");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The next requests get these answers, in order; after them, 200 again. */
    public void answerNext(Answer... answers) {
        script.addAll(List.of(answers));
    }

    public static Answer status(int status) {
        return new Answer(status, Duration.ZERO);
    }

    public static Answer hang(Duration forHowLong) {
        return new Answer(200, forHowLong);
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** How many requests each idempotency key came with. */
    public Map<String, Long> countByIdempotencyKey() {
        return received.stream().collect(Collectors.groupingBy(Received::idempotencyKey, Collectors.counting()));
    }

    public void reset() {
        received.clear();
        script.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            Answer answer = script.poll();
            if (answer == null) {
                answer = status(200);
            }
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Authorization"), JSON.readTree(request)));
            if (!answer.delay().isZero()) {
                try {
                    Thread.sleep(answer.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] response = answer.status() < 300
                    ? ("{\"id\": \"gw-" + ids.incrementAndGet() + "\"}").getBytes(StandardCharsets.UTF_8)
                    : "{\"error\": \"scripted\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        } catch (IOException e) {
            // the caller hung up (its timeout): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
