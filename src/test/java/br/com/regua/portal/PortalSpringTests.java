package br.com.regua.portal;

import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import br.com.regua.contact.DeliveryWorker;
import br.com.regua.policy.CustomerType;
import br.com.regua.receivable.NewCustomer;
import br.com.regua.receivable.NewReceivable;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.support.ReguaSpringTests;

import jakarta.mail.internet.MimeMessage;

/**
 * The whole server with e-mail going to a real SMTP server in this JVM, on a database of its own
 * (the delivery worker here must not deliver other tests' messages). Links are printed under
 * {@link #BASE}, as a creditor's public address; the tests open their path on this server.
 */
// ReguaSpringTests' settings on a database of its own; set here and not as a dynamic property, so that
// the PostgreSQL run's dynamic properties take the database over
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:regua-portal-tests;DB_CLOSE_DELAY=-1",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.generate-unique-process-application-name=true",
        "camunda.bpm.job-execution.enabled=false",
        "regua.agreements.offer-secret=tests-only-offer-secret",
        "regua.webhooks.poll=false",
        "regua.rules-dir=src/test/resources/test-rules",
        "regua.pix.key=14572457000185", "regua.pix.merchant-name=Escola Aurora Ltda", "regua.pix.merchant-city=Campinas"})
abstract class PortalSpringTests extends ReguaSpringTests {

    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static final String BASE = "https://pagar.aurora.example";
    static final Pattern LINK = Pattern.compile(Pattern.quote(BASE) + "/p/([A-Za-z0-9_-]+)");

    /** The tips page's file, as the business keeps it: the built-in text to begin with. */
    static final java.nio.file.Path TIPS_FILE;

    static {
        SMTP.start();
        try {
            TIPS_FILE = java.nio.file.Files.createTempFile("regua-dicas", ".txt");
            try (var in = PortalSpringTests.class.getResourceAsStream("/portal/dicas.txt")) {
                java.nio.file.Files.write(TIPS_FILE, in.readAllBytes());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void emailAndPortal(DynamicPropertyRegistry r) {
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        r.add("regua.contact.email.from", () -> "Escola Aurora <cobranca@aurora.example>");
        r.add("regua.contact.delivery.poll", () -> "false");
        r.add("regua.portal.base-url", () -> BASE);
        r.add("regua.portal.failure-delay", () -> "PT0.1S");
        r.add("regua.portal.tips-file", TIPS_FILE::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    ReceivableService receivables;
    @Autowired
    DeliveryWorker worker;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyMailbox() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
    }

    /** Maria owes a monthly fee of R$ 1.500,00 due on Monday 16 March 2026, registered on Monday 2 March. */
    String owing(String id, String document) {
        return owing(id, "cust-" + id, document);
    }

    String owing(String id, String customerId, String document) {
        setClock("2026-03-02T10:00:00-03:00");
        NewCustomer c = new NewCustomer(customerId, "Maria da Silva", document, CustomerType.CONSUMER, id + "@example.com",
                "+55 11 98765-4321", "SP");
        receivables.register(new NewReceivable(id, c, new BigDecimal("1500.00"), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 16),
                "Mensalidade de março"));
        return caseOf(id).getId();
    }

    /** Carries the case out until {@code task} has run, delivers the outbox and returns the e-mails the debtor got. */
    List<String> walkAndRead(String id, String task) throws Exception {
        fireTimersUntilPassed(caseOf(id).getId(), task, 6);
        while (worker.deliverDue().claimed() > 0) {
            // every message due now
        }
        List<String> texts = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(id + "@example.com"))) {
                texts.add(textOf(m));
            }
        }
        return texts;
    }

    /** The token of the last link in {@code text}. */
    static String tokenIn(String text) {
        Matcher m = LINK.matcher(text);
        String token = null;
        while (m.find()) {
            token = m.group(1);
        }
        if (token == null) {
            throw new AssertionError("no portal link in: " + text);
        }
        return token;
    }

    private static String textOf(MimeMessage m) throws Exception {
        jakarta.mail.Multipart part = (jakarta.mail.Multipart) m.getContent();
        while (!part.getContentType().toLowerCase().startsWith("multipart/alternative")) {
            part = (jakarta.mail.Multipart) part.getBodyPart(0).getContent();
        }
        return (String) part.getBodyPart(0).getContent();
    }

    /** A browser as far as the server can tell: it keeps its cookies and follows no redirect by itself. */
    class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Posts a form as the page does, with the CSRF token the last page carried unless {@code csrf} is null. */
        HttpResponse<String> post(String path, Map<String, String> fields, String csrf) throws Exception {
            Map<String, String> all = new java.util.LinkedHashMap<>(fields);
            if (csrf != null) {
                all.put("_csrf", csrf);
            }
            String body = all.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        URI url(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }

    /** The CSRF token of the first form of a page. */
    static String csrfOf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in the page: " + page);
        }
        return m.group(1);
    }
}
