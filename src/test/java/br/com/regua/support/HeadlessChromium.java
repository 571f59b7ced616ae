package br.com.regua.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real headless Chromium driven over the DevTools protocol, enough to open a page, run script
 * in it and take a screenshot. Found at {@code REGUA_CHROMIUM} or {@code /usr/bin/chromium}.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://[^\\s]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    public static Path executable() {
        String configured = System.getenv("REGUA_CHROMIUM");
        return Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
    }

    public static boolean available() {
        return Files.isExecutable(executable());
    }

    public HeadlessChromium() throws Exception {
        profile = Files.createTempDirectory("regua-chromium");
        process = new ProcessBuilder(executable().toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,900", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true).start();
        String browserUrl = readDevToolsUrl();
        URI base = URI.create(browserUrl.replace("ws://", "http://").replaceFirst("/devtools/.*", ""));
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(base.resolve("/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String pageUrl = null;
        for (JsonNode t : targets) {
            if ("page".equals(t.path("type").asText())) {
                pageUrl = t.get("webSocketDebuggerUrl").asText();
            }
        }
        if (pageUrl == null) {
            throw new IllegalStateException("Chromium opened no page");
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new Listener()).get(10, TimeUnit.SECONDS);
        send("Page.enable", JSON.createObjectNode());
    }

    private String readDevToolsUrl() throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            Matcher m = DEVTOOLS.matcher(line);
            if (m.find()) {
                // keep draining Chromium's output so it never blocks on a full pipe
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "chromium-output");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new IllegalStateException("Chromium did not start its DevTools endpoint");
    }

    /** Sends a DevTools command and waits for its result. */
    public JsonNode send(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        pending.put(id, result);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
        JsonNode response = result.get(30, TimeUnit.SECONDS);
        if (response.has("error")) {
            throw new IllegalStateException(method + ": " + response.get("error"));
        }
        return response.path("result");
    }

    public void navigate(String url) throws Exception {
        send("Page.navigate", JSON.createObjectNode().put("url", url));
    }

    /** Evaluates a script in the page (awaiting a promise) and returns its value. */
    public JsonNode evaluate(String expression) throws Exception {
        return send("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("awaitPromise", true)
                .put("returnByValue", true)).path("result").path("value");
    }

    /** Evaluates {@code condition} until it is true or the time is up. */
    public boolean waitFor(String condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (evaluate("Boolean(" + condition + ")").asBoolean(false)) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /**
     * Opens {@code url}, which sends a stranger to the login form, signs in there as a person would
     * and waits until the browser is back at {@code url}. False when the form never showed or the
     * login failed.
     */
    public boolean signIn(String url, String user, String password) throws Exception {
        navigate(url);
        if (!waitFor("document.querySelector('form input[name=username]') !== null", Duration.ofSeconds(30))) {
            return false;
        }
        evaluate("""
                (() => {
                  document.querySelector('input[name=username]').value = %s;
                  document.querySelector('input[name=password]').value = %s;
                  document.querySelector('input[name=username]').form.submit();
                })()""".formatted(JSON.writeValueAsString(user), JSON.writeValueAsString(password)));
        String path = URI.create(url).getPath();
        boolean back = waitFor("location.pathname.startsWith(" + JSON.writeValueAsString(path) + ")"
                + " && document.querySelector('input[name=password]') === null", Duration.ofSeconds(30));
        if (!back) {
            screenshot(Path.of("target", "sign-in-failed.png"));
            System.err.println("Sign-in did not return to " + url + "; the browser is at " + evaluate("location.href").asText());
        }
        return back;
    }

    public void screenshot(Path file) throws Exception {
        String data = send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png")).get("data").asText();
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(data));
    }

    @Override
    public void close() throws Exception {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the browser goes anyway
        }
        // the renderer and network processes outlive the browser's for a moment, writing into the profile
        java.util.List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        helpers.forEach(ProcessHandle::destroyForcibly);
        deleteProfile();
    }

    /** A temporary directory: a file a dying helper process still wrote is left behind, never an error. */
    private void deleteProfile() {
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            profile.toFile().deleteOnExit();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(buffer.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> waiting = pending.remove(message.get("id").asInt());
                        if (waiting != null) {
                            waiting.complete(message);
                        }
                    }
                } catch (IOException e) {
                    // a message we cannot read is one we were not waiting for
                } finally {
                    buffer.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
