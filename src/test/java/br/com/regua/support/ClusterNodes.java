package br.com.regua.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;

import br.com.regua.ReguaApplication;

/**
 * Régua nodes for the cluster tests: the settings of a node of a cluster on the PostgreSQL that CI
 * names, with its own job executor and delivery worker (which the simulation profile turns off),
 * started in this JVM or as a process of its own that a test may kill.
 */
public final class ClusterNodes {

    private ClusterNodes() {
    }

    public static String dbUser() {
        return System.getenv().getOrDefault("REGUA_TEST_DB_USER", "postgres");
    }

    public static String dbPassword() {
        return System.getenv().getOrDefault("REGUA_TEST_DB_PASSWORD", "");
    }

    /** A database of its own beside CI's, dropped and made again: no table in it yet. */
    public static String newDatabase(String suffix) throws Exception {
        return newDatabase(System.getenv("REGUA_TEST_DB_URL"), suffix);
    }

    /** A database named after {@code shared}'s with {@code suffix}, on the same server, dropped and made again. */
    public static String newDatabase(String shared, String suffix) throws Exception {
        String name = shared.substring(shared.lastIndexOf('/') + 1).replaceAll("\\?.*", "") + "_" + suffix;
        String server = shared.substring(0, shared.lastIndexOf('/'));
        try (Connection c = DriverManager.getConnection(server + "/postgres", dbUser(), dbPassword());
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        }
        return server + "/" + name;
    }

    /** The command-line arguments of a node named {@code name}; they win over the profiles' files. */
    public static List<String> arguments(String name, String databaseUrl, GreenMail smtp, RecordingGateway gateway) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=postgres,simulation",
                "--server.port=0",
                "--spring.application.name=regua-" + name,
                "--REGUA_DB_URL=" + databaseUrl,
                "--REGUA_DB_USER=" + dbUser(),
                "--REGUA_DB_PASSWORD=" + dbPassword(),
                "--REGUA_ADMIN_USER=admin",
                "--REGUA_ADMIN_PASSWORD=" + PostgresDatabase.ADMIN_PASSWORD,
                "--REGUA_OFFER_SECRET=cluster-offer-secret",
                "--regua.creditor.name=Escola Aurora Ltda",
                "--regua.creditor.document=11.222.333/0001-81",
                "--regua.creditor.address=Rua das Flores, 100, Campinas - SP",
                "--regua.rules-dir=" + TestPolicy.DIR,
                "--regua.policy.reload-interval=PT0.5S",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.generate-unique-process-application-name=true",
                // what the simulation profile turns off, on again: every node works on its own
                "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000",
                "--regua.contact.delivery.poll=true",
                "--regua.contact.delivery.poll-interval=200ms",
                "--regua.webhooks.poll=false",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--regua.contact.email.from=Escola Aurora <cobranca@aurora.example>",
                "--regua.contact.sms.url=" + gateway.url("/sms"),
                "--regua.contact.sms.token=sms-token",
                "--regua.contact.sms.sender=AURORA",
                "--regua.pix.key=14572457000185",
                "--regua.pix.merchant-name=Escola Aurora",
                "--regua.pix.merchant-city=Campinas"));
        return args;
    }

    /** A receivable of R$ 300,00 due Monday 16 March 2026 as a backend sends it: its pre-due reminder falls on the 11th. */
    public static String receivable(String externalId) {
        return """
                {"externalId": "%s",
                 "customer": {"externalId": "cust-%s", "name": "Ana Souza", "document": "123.456.789-09",
                              "type": "CONSUMER", "email": "ana@example.com", "phone": "+55 21 99876-5432", "state": "SP"},
                 "amount": "300.00", "issueDate": "2026-03-01", "dueDate": "2026-03-16", "description": "Fatura de internet de março"}
                """.formatted(externalId, externalId);
    }

    /** A node in this JVM: it shares Camunda's clock with the other nodes here. */
    public static ConfigurableApplicationContext startHere(List<String> arguments) {
        return new SpringApplicationBuilder(ReguaApplication.class).run(arguments.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    /**
     * A node in a JVM of its own, on this JVM's class path, listening on a free port, its output in
     * {@code log}; returns once it answers its health check.
     */
    public static Apart startApart(List<String> arguments, Path log, Duration patience) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), ReguaApplication.class.getName()));
        arguments.stream().map(a -> a.startsWith("--server.port=") ? "--server.port=" + port : a).forEach(command::add);
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Apart node = new Apart(process, port);
        Instant until = Instant.now().plus(patience);
        while (!node.healthy()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the node stopped while starting; see " + log);
            }
            if (Instant.now().isAfter(until)) {
                process.destroyForcibly();
                throw new IllegalStateException("the node did not start within " + patience + "; see " + log);
            }
            Thread.sleep(500);
        }
        return node;
    }

    /** A node running as a process of its own. */
    public record Apart(Process process, int port) {

        public String rootUri() {
            return "http://127.0.0.1:" + port;
        }

        boolean healthy() {
            try {
                HttpResponse<String> health = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(rootUri() + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return health.statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** {@code kill -9}: no shutdown hook, no transaction finished, no lease given back. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
