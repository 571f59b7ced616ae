package br.com.regua.contact;

import static br.com.regua.support.RecordingGateway.hang;
import static br.com.regua.support.RecordingGateway.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import br.com.regua.policy.Channel;
import br.com.regua.policy.CustomerType;
import br.com.regua.receivable.NewCustomer;
import br.com.regua.receivable.NewReceivable;
import br.com.regua.receivable.PostalAddress;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.security.Role;
import br.com.regua.support.RecordingGateway;
import br.com.regua.support.ReguaSpringTests;

/**
 * Letters through a print-and-post provider, a real HTTP server in this JVM. A debtor with neither
 * e-mail nor phone gets letters; each debt is due Tuesday 17 March 2026 and registered Wednesday
 * 22 April (day 36), so the bureau's prior notice is recorded on registration, by letter (the tests'
 * policy skips the formal notice of a debt registered this late). Run on H2 ({@link LetterDeliveryTests}) and on PostgreSQL
 * ({@link LetterDeliveryPostgresIntegrationTests}), where two workers racing meet its row locks.
 */
abstract class LetterScenarios extends ReguaSpringTests {

    static final RecordingGateway POST_OFFICE = new RecordingGateway();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry r) {
        r.add("regua.letters.url", () -> POST_OFFICE.url("/letters").toString());
        r.add("regua.letters.token", () -> "letters-token");
        r.add("regua.contact.delivery.poll", () -> "false");
        r.add("regua.contact.delivery.timeout", () -> "1s");
        r.add("regua.contact.delivery.max-attempts", () -> "3");
        r.add("regua.contact.delivery.first-backoff", () -> "1m");
        r.add("regua.bureau.poll", () -> "false");
    }

    @Autowired
    ReceivableService receivables;
    @Autowired
    ContactService contacts;
    @Autowired
    DeliveryWorker worker;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    br.com.regua.settings.ReguaProperties settings;

    @BeforeEach
    void emptyQueueAndPostOffice() {
        // each test sees only its own letters: whatever another test left queued is set aside
        jdbc.sql("update contact set status = 'FAILED', last_error = 'set aside by the tests' where status in ('QUEUED', 'DEFERRED')")
                .update();
        POST_OFFICE.reset();
    }

    // ---- fixtures

    static final PostalAddress ADDRESS = new PostalAddress("Rua das Flores", "123", "apto 45", "Jardim Paulista", "São Paulo", "SP",
            "01310-100");

    static NewReceivable byLetter(String id, PostalAddress address) {
        NewCustomer c = new NewCustomer("cust-" + id, "Maria da Silva", "529.982.247-25", CustomerType.CONSUMER, null, null, "SP",
                null, null, address);
        return new NewReceivable(id, c, new BigDecimal("1500.00"), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 17),
                "Mensalidade de março");
    }

    /** Registers on day 36 and walks the case until the bureau's prior notice is recorded. */
    String noticesRecorded(NewReceivable r) {
        setClock("2026-04-22T10:00:00-03:00");
        receivables.register(r);
        String caseId = caseOf(r.externalId()).getId();
        walkUntilPassed(caseId, "Task_SendBureauPriorNotice", 20);
        return caseId;
    }

    List<ContactService.Contact> letters(String id) {
        return contacts.forReceivable(receivables.get(id).id()).stream().filter(c -> c.channel() == Channel.LETTER).toList();
    }

    ContactService.Contact letter(String id, String stage) {
        return letters(id).stream().filter(c -> stage.equals(c.stage())).findFirst().orElseThrow();
    }

    List<RecordingGateway.Received> postedFor(String id) {
        return POST_OFFICE.received("/letters").stream().filter(r -> r.idempotencyKey().startsWith(id + ":")).toList();
    }

    static String text(byte[] pdf) throws Exception {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).as("A4 width in points").isBetween(594f, 596f);
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    ResponseEntity<String> report(long contactId, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(Role.INTEGRATION).exchange("/api/contacts/" + contactId + "/status", HttpMethod.POST, new HttpEntity<>(json, headers),
                String.class);
    }

    // ---- the letters, posted

    @Test
    void theNoticesArePostedAsPdfLettersAndTheReturnReceiptMakesThePriorNoticeDelivered() throws Exception {
        noticesRecorded(byLetter("let-walk", ADDRESS));
        assertThat(letters("let-walk")).extracting(ContactService.Contact::stage).containsExactly("BUREAU_PRIOR_NOTICE");

        assertThat(worker.deliverDue().sent()).isEqualTo(1);

        List<RecordingGateway.Received> posted = postedFor("let-walk");
        assertThat(posted).hasSize(1).allSatisfy(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer letters-token");
            assertThat(r.body().get("recipient").get("postalCode").asText()).isEqualTo("01310100");
            assertThat(r.body().get("recipient").get("name").asText()).isEqualTo("Maria da Silva");
        });
        assertThat(posted).extracting(RecordingGateway.Received::idempotencyKey)
                .allSatisfy(k -> assertThat(k).startsWith("let-walk:").endsWith(":LETTER")).doesNotHaveDuplicates();

        ContactService.Contact prior = letter("let-walk", "BUREAU_PRIOR_NOTICE");
        RecordingGateway.Received priorPosted = posted.stream()
                .filter(r -> r.body().get("reference").asText().equals(String.valueOf(prior.id()))).findFirst().orElseThrow();
        byte[] pdf = Base64.getDecoder().decode(priorPosted.body().get("pdf").asText());
        String text = text(pdf);
        assertThat(text).contains(settings.creditor().name(), "CNPJ " + settings.creditor().document(), "22 de abril de 2026",
                "Maria da Silva", "Rua das Flores, 123 - apto 45", "Jardim Paulista - São Paulo/SP", "CEP 01310-100",
                "Aviso prévio de inclusão em cadastro de proteção ao crédito", "art. 43, § 2º, do Código de Defesa do Consumidor",
                "vencido em 17/03/2026", "Valor atualizado em 22/04/2026", "Valor principal: R$ 1.500,00", "Multa: R$ 30,00",
                "Juros de mora: R$ ", "Total: R$ 1.5");
        assertThat(text).doesNotContain("{{");
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "letters"));
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            // kept to be looked at as the debtor will
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 72),
                    "png", java.nio.file.Path.of("target", "letters", "aviso-previo.png").toFile());
        }

        // the document the staff see is the one posted
        ResponseEntity<byte[]> document = as(Role.INTEGRATION).getForEntity("/api/contacts/" + prior.id() + "/document", byte[].class);
        assertThat(document.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(document.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(document.getBody()).isEqualTo(pdf);
        assertThat(jdbc.sql("select provider_id from contact where id = ?").param(prior.id()).query(String.class).single())
                .as("the provider's id is kept").startsWith("gw-");
        assertThat(contacts.firstDelivered(receivables.get("let-walk").id(), "BUREAU_PRIOR_NOTICE")).as("posted, not yet received").isEmpty();

        // Fri 24 Apr: the post brings back the return receipt, signed on Thursday afternoon
        setClock("2026-04-24T11:00:00-03:00");
        ResponseEntity<String> ar = report(prior.id(), """
                {"status": "DELIVERED", "trackingCode": "BR123456789BR", "receivedAt": "2026-04-23T15:30:00-03:00"}""");
        assertThat(ar.getStatusCode().value()).as(ar.getBody()).isEqualTo(200);

        assertThat(contacts.firstDelivered(receivables.get("let-walk").id(), "BUREAU_PRIOR_NOTICE"))
                .hasValueSatisfying(at -> assertThat(at.toInstant()).isEqualTo(OffsetDateTime.parse("2026-04-23T15:30:00-03:00").toInstant()));
        assertThat(jdbc.sql("select tracking_code from letter where contact_id = ?").param(prior.id()).query(String.class).single())
                .isEqualTo("BR123456789BR");
        assertThat(letter("let-walk", "BUREAU_PRIOR_NOTICE")).satisfies(c -> {
            assertThat(c.status()).isEqualTo(ContactStatus.DELIVERED);
            // the timeline shows what the post said
            assertThat(c.detail()).startsWith("rastreio BR123456789BR; AR assinado em ");
        });
        assertThat(worker.deliverDue().claimed()).as("nothing is posted twice").isZero();
    }

    @Test
    void aReturnReceiptDatedInTheFutureBeforeTheSendingOrUnreadableIsRefusedAndChangesNothing() {
        noticesRecorded(byLetter("let-ar-bad", ADDRESS));
        worker.deliverDue();
        long prior = letter("let-ar-bad", "BUREAU_PRIOR_NOTICE").id();

        ResponseEntity<String> future = report(prior, "{\"status\": \"DELIVERED\", \"receivedAt\": \"2026-05-01T10:00:00-03:00\"}");
        ResponseEntity<String> unreadable = report(prior, "{\"status\": \"DELIVERED\", \"receivedAt\": \"amanhã\"}");
        ResponseEntity<String> beforeSent = report(prior, "{\"status\": \"DELIVERED\", \"receivedAt\": \"2026-04-21T10:00:00-03:00\"}");

        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(future.getBody()).contains("receivedAt");
        assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unreadable.getBody()).contains("receivedAt");
        assertThat(beforeSent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(beforeSent.getBody()).contains("receivedAt", "before");
        assertThat(letter("let-ar-bad", "BUREAU_PRIOR_NOTICE").status()).isEqualTo(ContactStatus.SENT);
    }

    @Test
    void aProviderThatFailsOrHangsIsTriedAgainWithTheSameIdempotencyKey() {
        noticesRecorded(byLetter("let-retry", ADDRESS));
        POST_OFFICE.answerNext(status(503), hang(Duration.ofSeconds(3)));

        assertThat(worker.deliverDue().retrying()).as("10:00, a 503").isEqualTo(1);
        clock.moveTo(clock.instant().plusSeconds(61));
        assertThat(worker.deliverDue().retrying()).as("10:01, no answer in time").isEqualTo(1);
        clock.moveTo(clock.instant().plusSeconds(121));
        assertThat(worker.deliverDue().sent()).as("10:03, taken").isEqualTo(1);

        // a provider that printed the hung letter after all sees its key again and can drop the copy
        assertThat(postedFor("let-retry")).hasSize(3);
        assertThat(POST_OFFICE.countByIdempotencyKey().entrySet().stream().filter(e -> e.getKey().startsWith("let-retry:")))
                .singleElement().satisfies(e -> assertThat(e.getValue()).isEqualTo(3L));
        assertThat(letters("let-retry")).extracting(ContactService.Contact::status).containsOnly(ContactStatus.SENT);
    }

    @Test
    void aProviderRefusingALetterFailsItForGood() {
        noticesRecorded(byLetter("let-refused", ADDRESS));
        POST_OFFICE.answerNext(status(422));

        assertThat(worker.deliverDue().failed()).isEqualTo(1);
        assertThat(letters("let-refused")).filteredOn(c -> c.status() == ContactStatus.FAILED).singleElement()
                .satisfies(c -> assertThat(c.detail()).contains("refused", "422"));
    }

    @Test
    void aLetterWithoutAnAddressFailsWithTheReasonAnIncidentAndAMetric() {
        String caseId = noticesRecorded(byLetter("let-no-address", null));
        double failedBefore = failedLetters();

        assertThat(worker.deliverDue().failed()).isEqualTo(1);

        assertThat(postedFor("let-no-address")).isEmpty();
        assertThat(letters("let-no-address")).hasSize(1).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(ContactStatus.FAILED);
            assertThat(c.detail()).contains("sem endereço postal");
        });
        List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(caseId).incidentType(DeliveryFailures.INCIDENT_TYPE).list();
        assertThat(incidents).isNotEmpty().allSatisfy(i -> assertThat(i.getIncidentMessage()).contains("via LETTER", "sem endereço postal"));
        assertThat(failedLetters() - failedBefore).isEqualTo(1);
        // the timeline shows each letter with its id and why it failed
        JsonNode timeline = as(Role.INTEGRATION).getForObject("/api/receivables/let-no-address", JsonNode.class).get("timeline");
        List<String> seen = new ArrayList<>();
        timeline.forEach(e -> {
            if ("LETTER".equals(e.path("channel").asText())) {
                assertThat(e.get("contactId").asLong()).isPositive();
                seen.add(e.get("status").asText() + " " + e.path("detail").asText());
            }
        });
        assertThat(seen).hasSize(1).allSatisfy(s -> assertThat(s).startsWith("FAILED").contains("sem endereço postal"));
        // nor can it be shown
        long letterId = letters("let-no-address").get(0).id();
        assertThat(as(Role.INTEGRATION).getForEntity("/api/contacts/" + letterId + "/document", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private double failedLetters() {
        JsonNode m = as(Role.ADMIN).getForObject("/actuator/metrics/regua.contacts.deliveries?tag=channel:LETTER&tag=outcome:failed",
                JsonNode.class);
        return m.get("measurements").get(0).get("value").asDouble();
    }

    @Test
    void theDocumentOfAMessageThatIsNoLetterIsNotFound() {
        noticesRecorded(br.com.regua.support.Receivables.owing("let-email", "1500.00", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 17)));
        long email = contacts.forReceivable(receivables.get("let-email").id()).stream().filter(c -> c.channel() == Channel.EMAIL)
                .findFirst().orElseThrow().id();

        assertThat(as(Role.INTEGRATION).getForEntity("/api/contacts/" + email + "/document", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as(Role.INTEGRATION).getForEntity("/api/contacts/999999999/document", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void twoWorkersRacingPostEachLetterOnce() throws Exception {
        noticesRecorded(byLetter("let-race-1", ADDRESS));
        noticesRecorded(byLetter("let-race-2", ADDRESS));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Callable<DeliveryWorker.Round> round = () -> {
                start.await();
                return worker.deliverDue();
            };
            Future<DeliveryWorker.Round> a = pool.submit(round);
            Future<DeliveryWorker.Round> b = pool.submit(round);
            start.countDown();
            int sent = a.get(30, TimeUnit.SECONDS).sent() + b.get(30, TimeUnit.SECONDS).sent();
            assertThat(sent).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
        assertThat(POST_OFFICE.countByIdempotencyKey().entrySet().stream().filter(e -> e.getKey().startsWith("let-race-")))
                .hasSize(2).allSatisfy(e -> assertThat(e.getValue()).isEqualTo(1L));
    }
}
