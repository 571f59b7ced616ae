package br.com.regua.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import br.com.regua.ReguaApplication;
import br.com.regua.support.PrometheusText;

/**
 * The server started in a JVM of its own with exactly the environment {@code docker/compose.yml}
 * gives a Régua node (the operator's variables from {@code docker/.env.example}), only the other
 * containers' host names pointed at this machine: PostgreSQL (a fresh database), an SMTP server in
 * place of Mailpit, and a free port. It must come up healthy — every setting the server requires
 * under that profile is there — let Prometheus's user scrape it, and write JSON log lines in which
 * a debtor's CPF and e-mail never appear.
 */
@EnabledIfEnvironmentVariable(named = "REGUA_TEST_POSTGRES", matches = "true")
class ComposeEnvironmentPostgresIntegrationTests {

    private static final String CPF = "529.982.247-25";
    private static final String EMAIL = "maria.compose@example.com";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private Process server;
    private GreenMail smtp;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aNodeStartsHealthyWithComposesEnvironmentAndLogsJsonWithoutPersonalData() throws Exception {
        Map<String, String> variables = ComposeFile.readEnv(ComposeFile.ENV_EXAMPLE);
        Map<String, String> compose = ComposeFile.read().environment("regua-1", variables);
        String database = freshDatabase();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        int port = freePort();

        Map<String, String> environment = new LinkedHashMap<>(compose);
        // what compose's network gives by name, this machine gives on 127.0.0.1; nothing else changes
        environment.put("REGUA_DB_URL", compose.get("REGUA_DB_URL").replace("//postgres:5432/regua", "//" + postgresHostAndPort() + "/" + database));
        environment.put("REGUA_DB_USER", env("REGUA_TEST_DB_USER", "postgres"));
        environment.put("REGUA_DB_PASSWORD", env("REGUA_TEST_DB_PASSWORD", ""));
        environment.put("SPRING_MAIL_HOST", "127.0.0.1");
        environment.put("SPRING_MAIL_PORT", String.valueOf(smtp.getSmtp().getPort()));
        environment.put("SERVER_PORT", String.valueOf(port));
        assertThat(compose.get("REGUA_DB_URL")).isEqualTo("jdbc:postgresql://postgres:5432/regua");
        assertThat(compose.get("SPRING_MAIL_HOST")).isEqualTo("mailpit");

        server = start(environment);
        awaitHealthy(port);

        // Prometheus's user, as compose makes it, may scrape; a stranger may not
        HttpResponse<String> scrape = get(port, "/actuator/prometheus", compose.get("REGUA_MONITORING_USER"),
                compose.get("REGUA_MONITORING_PASSWORD"));
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("regua_policy_active_version", "regua_jobs_due");
        // the job executor runs here (compose turns nothing off): its acquisitions are counted as they happen
        double acquisitions = 0;
        for (int i = 0; i < 30 && acquisitions == 0; i++) {
            acquisitions = PrometheusText.parse(get(port, "/actuator/prometheus", compose.get("REGUA_MONITORING_USER"),
                    compose.get("REGUA_MONITORING_PASSWORD")).body()).sum("regua_job_executor_total", Map.of("event", "acquisition-attempt"));
            if (acquisitions == 0) {
                Thread.sleep(1000);
            }
        }
        assertThat(acquisitions).as("the job executor's acquisition attempts").isPositive();
        assertThat(get(port, "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);

        // a debtor registered by the administrator compose made
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/receivables"))
                .header("Authorization", basic(compose.get("REGUA_ADMIN_USER"), compose.get("REGUA_ADMIN_PASSWORD")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"externalId": "compose-1",
                         "customer": {"externalId": "cust-compose-1", "name": "Maria da Silva", "document": "%s",
                                      "type": "CONSUMER", "email": "%s", "state": "SP"},
                         "amount": "1500.00", "issueDate": "2026-01-01", "dueDate": "2026-02-01"}""".formatted(CPF, EMAIL)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        awaitLine("compose-1 registered");

        List<JsonNode> json = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        synchronized (output) {
            for (String line : output) {
                if (line.startsWith("{")) {
                    json.add(mapper.readTree(line));
                }
                assertThat(line).doesNotContain(CPF).doesNotContain(CPF.replaceAll("\\D", "")).doesNotContain(EMAIL);
            }
        }
        assertThat(json).as("JSON log lines").hasSizeGreaterThan(10);
        JsonNode registered = json.stream().filter(j -> j.path("message").asText().contains("compose-1 registered")).findFirst().orElseThrow();
        assertThat(registered.path("message").asText()).contains("***.982.247-**");
        assertThat(registered.at("/log/level").asText()).isEqualTo("INFO");
        assertThat(registered.has("@timestamp")).isTrue();
    }

    private Process start(Map<String, String> environment) throws IOException {
        String classPath = Arrays.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                        .split(java.io.File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(java.io.File.pathSeparator));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classPath, ReguaApplication.class.getName());
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "compose-node-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private void awaitHealthy(int port) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new AssertionError("the server died at start:\n" + tail());
            }
            try {
                HttpResponse<String> health = get(port, "/actuator/health", null, null);
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the server was not healthy within 4 minutes:\n" + tail());
    }

    private void awaitLine(String text) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            synchronized (output) {
                if (output.stream().anyMatch(l -> l.contains(text))) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no log line with " + text + ":\n" + tail());
    }

    private String tail() {
        synchronized (output) {
            return String.join("\n", output.subList(Math.max(0, output.size() - 60), output.size()));
        }
    }

    private HttpResponse<String> get(int port, String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The test database's name with {@code _env}: made anew, so the node starts on a new database as a first deployment does. */
    private static String freshDatabase() throws Exception {
        String url = System.getenv("REGUA_TEST_DB_URL");
        String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "") + "_env";
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + postgresHostAndPort() + "/postgres",
                env("REGUA_TEST_DB_USER", "postgres"), env("REGUA_TEST_DB_PASSWORD", ""));
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        }
        return name;
    }

    private static String postgresHostAndPort() {
        String url = System.getenv("REGUA_TEST_DB_URL");
        return url.replaceFirst("^jdbc:postgresql://", "").replaceFirst("/.*$", "");
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null ? otherwise : value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
