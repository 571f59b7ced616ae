package br.com.regua.contact;

import static br.com.regua.support.RecordingGateway.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import br.com.regua.settings.ReguaProperties;
import br.com.regua.pix.PixPayload;
import br.com.regua.policy.Channel;
import br.com.regua.policy.CustomerType;
import br.com.regua.receivable.NewCustomer;
import br.com.regua.receivable.NewReceivable;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.support.RecordingGateway;
import br.com.regua.support.ReguaSpringTests;
import br.com.regua.security.Role;
import jakarta.mail.internet.MimeMessage;

/**
 * The whole server with SMTP and both gateways configured, each a real server in this JVM: cases
 * walk the schedule on the simulation clock and the delivery worker, driven by hand, sends what
 * they recorded. Run on H2 ({@link ContactDeliveryTests}) and on PostgreSQL
 * ({@link ContactDeliveryPostgresIntegrationTests}), where the claim's row locking is the real thing. Registered Monday 2 March 2026, due Monday 16 March; the pre-due reminder
 * (a new customer: five days before) is recorded on Wednesday 11 March at 08:00.
 */
abstract class ContactDeliveryScenarios extends ReguaSpringTests {

    // one SMTP server and one gateway for the JVM, shared by the H2 and PostgreSQL runs; they die with it
    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static final RecordingGateway GATEWAY = new RecordingGateway();
    static final String PIX_KEY = "14572457000185";

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry r) {
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        r.add("regua.contact.email.from", () -> "Escola Aurora <cobranca@aurora.example>");
        r.add("regua.contact.sms.url", () -> GATEWAY.url("/sms").toString());
        r.add("regua.contact.sms.token", () -> "sms-token");
        r.add("regua.contact.sms.sender", () -> "AURORA");
        r.add("regua.contact.whatsapp.url", () -> GATEWAY.url("/whatsapp").toString());
        r.add("regua.contact.whatsapp.sender", () -> "+551130000000");
        r.add("regua.contact.payment-link", () -> "https://pagar.aurora.example/r/{referencia}");
        r.add("regua.contact.extra-holidays", () -> "2026-03-19");
        r.add("regua.contact.delivery.poll", () -> "false");
        r.add("regua.contact.delivery.timeout", () -> "1s");
        r.add("regua.contact.delivery.max-attempts", () -> "3");
        r.add("regua.contact.delivery.first-backoff", () -> "1m");
        r.add("regua.pix.key", () -> PIX_KEY);
        r.add("regua.pix.merchant-name", () -> "Escola Aurora");
        r.add("regua.pix.merchant-city", () -> "Campinas");
    }

    @Autowired
    ReceivableService receivables;
    @Autowired
    ContactService contacts;
    @Autowired
    DeliveryWorker worker;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    br.com.regua.settings.ReguaProperties settings;
    TestRestTemplate http;

    @BeforeEach
    void signInAsBackend() {
        http = as(Role.INTEGRATION);
    }
    @Autowired
    br.com.regua.payment.PaymentService payments;

    @BeforeEach
    void emptyQueueAndServers() throws Exception {
        // each test sees only its own contacts: whatever another test left queued is set aside
        jdbc.sql("update contact set status = 'FAILED', last_error = 'set aside by the tests' where status in ('QUEUED', 'DEFERRED')")
                .update();
        GATEWAY.reset();
        SMTP.purgeEmailFromAllMailboxes();
    }

    // ---- fixtures

    private static NewReceivable owing(String id, String customerId, String state, String amount) {
        NewCustomer c = new NewCustomer(customerId, "Maria da Silva", "529.982.247-25", CustomerType.CONSUMER,
                customerId.toLowerCase() + "@example.com", "+55 11 98765-" + String.format("%04d", Math.abs(customerId.hashCode()) % 10000),
                state);
        return new NewReceivable(id, c, new BigDecimal(amount), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 16),
                "Mensalidade de março");
    }

    private String register(String id) {
        return register(owing(id, "cust-" + id, "SP", "1500.00"));
    }

    private String register(NewReceivable r) {
        setClock("2026-03-02T10:00:00-03:00");
        receivables.register(r);
        return caseOf(r.externalId()).getId();
    }

    private List<ContactService.Contact> contactsOf(String id) {
        return contacts.forReceivable(receivables.get(id).id());
    }

    private ContactService.Contact contactOf(String id, String stage, Channel channel) {
        return contactsOf(id).stream().filter(c -> stage.equals(c.stage()) && c.channel() == channel).findFirst().orElseThrow();
    }

    private List<MimeMessage> emailsTo(String address) throws Exception {
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address))) {
                to.add(m);
            }
        }
        return to;
    }

    /** The plain-text part, decoded. */
    private static String textOf(MimeMessage m) throws Exception {
        jakarta.mail.Multipart part = (jakarta.mail.Multipart) m.getContent();
        while (!part.getContentType().toLowerCase().startsWith("multipart/alternative")) {
            part = (jakarta.mail.Multipart) part.getBodyPart(0).getContent();
        }
        return (String) part.getBodyPart(0).getContent();
    }

    private List<RecordingGateway.Received> gatewayCallsFor(String id) {
        return GATEWAY.received().stream().filter(r -> r.idempotencyKey().startsWith(id + ":")).toList();
    }

    private ResponseEntity<JsonNode> post(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(json, headers), JsonNode.class);
    }

    private long timelineContactId(String id, String channel) {
        List<Long> ids = new ArrayList<>();
        http.getForObject("/api/receivables/" + id, JsonNode.class).get("timeline").forEach(e -> {
            if ("CONTACT".equals(e.path("type").asText()) && channel.equals(e.path("channel").asText())) {
                ids.add(e.get("contactId").asLong());
            }
        });
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    private List<String> timelineStatuses(String id, String channel) {
        List<String> statuses = new ArrayList<>();
        http.getForObject("/api/receivables/" + id, JsonNode.class).get("timeline").forEach(e -> {
            if ("CONTACT".equals(e.path("type").asText()) && channel.equals(e.path("channel").asText())) {
                statuses.add(e.get("status").asText());
            }
        });
        return statuses;
    }

    // ---- a step recorded again

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void aStepRecordedAgainByARetryQueuesNothingNewAndStoresNoSecondLink() {
        register("dlv-retry");
        br.com.regua.receivable.Receivable r = receivables.get("dlv-retry");
        br.com.regua.receivable.Customer c = receivables.customer(r.customerId());
        ContactService.Request step = new ContactService.Request(r, c, "FRIENDLY_REMINDER", "FRIENDLY_REMINDER@99",
                List.of(Channel.EMAIL, Channel.SMS), r.ledger().chargesAsOf(LocalDate.of(2026, 3, 20),
                new br.com.regua.policy.ChargeRates(new BigDecimal("0.02"), new BigDecimal("0.01"))), new br.com.regua.policy.OfferTerms(), null);
        OffsetDateTime now = OffsetDateTime.now(clock);
        var inOne = new org.springframework.transaction.support.TransactionTemplate(transactions);
        long before = linksOf(c.id());

        assertThat((int) inOne.execute(status -> contacts.record(step, now))).as("an e-mail and an SMS queued").isEqualTo(2);
        assertThat(linksOf(c.id())).as("one link, stored with its messages").isEqualTo(before + 1);
        String link = contactOf("dlv-retry", "FRIENDLY_REMINDER", Channel.EMAIL).body().replaceAll("(?s).*(/p/[A-Za-z0-9_-]{22}).*", "$1");

        assertThat((int) inOne.execute(status -> contacts.record(step, now))).as("the retry queues nothing").isZero();
        assertThat(linksOf(c.id())).as("the retry's link is never stored").isEqualTo(before + 1);
        assertThat(contactsOf("dlv-retry").stream().filter(m -> "FRIENDLY_REMINDER".equals(m.stage())).map(ContactService.Contact::body))
                .hasSize(2).allSatisfy(body -> assertThat(body).contains(link));
    }

    private long linksOf(long customerId) {
        return jdbc.sql("select count(*) from portal_link where customer_id = ?").param(customerId).query(Long.class).single();
    }

    // ---- the schedule, delivered

    @Test
    void aWalkThroughTheScheduleDeliversExactlyThePolicysMessagesInContactHoursWithTheRightPixCode() throws Exception {
        String caseId = register("dlv-walk");

        // Wed 11 Mar 08:00: pre-due reminder; Mon 16 Mar 08:00: due-day notice; then the first friendly reminder
        for (String expected : List.of("PRE_DUE_REMINDER", "DUE_DAY_NOTICE", "FRIENDLY_REMINDER")) {
            fireTimersUntilPassed(caseId, stageTask(expected), 3);
            DeliveryWorker.Round round = worker.deliverDue();
            assertThat(round.sent()).as(expected + " sent").isEqualTo(2);
            OffsetDateTime sentAt = OffsetDateTime.now(clock);
            assertThat(sentAt.getHour()).as("sent within contact hours").isBetween(8, 19);
            assertThat(sentAt.getDayOfWeek()).isNotEqualTo(java.time.DayOfWeek.SUNDAY);
        }

        List<MimeMessage> emails = emailsTo("cust-dlv-walk@example.com");
        assertThat(emails).extracting(MimeMessage::getSubject).containsExactly(
                "Lembrete: Mensalidade de março vence em 16/03/2026", "Mensalidade de março: vencimento em 16/03/2026",
                "Lembrete de pagamento: Mensalidade de março");
        assertThat(emails).extracting(MimeMessage::getMessageID).doesNotHaveDuplicates();
        // before the due date the PIX code asks for the principal; after it, for the updated total of that day
        String preDue = textOf(emails.get(0));
        assertThat(preDue).contains(PixPayload.of(PIX_KEY, "Escola Aurora", "Campinas", new BigDecimal("1500.00"), PixPayload.txidOf("dlv-walk")))
                .contains("https://pagar.aurora.example/r/dlv-walk");
        ContactService.Contact friendly = contactOf("dlv-walk", "FRIENDLY_REMINDER", Channel.EMAIL);
        String total = friendly.body().replaceAll("(?s).*Como pagar o total de R\\$ ([0-9.,]+):.*", "$1").replace(".", "").replace(",", ".");
        assertThat(new BigDecimal(total)).isGreaterThan(new BigDecimal("1500.00"));
        assertThat(friendly.body()).contains(PixPayload.of(PIX_KEY, "Escola Aurora", "Campinas", new BigDecimal(total), PixPayload.txidOf("dlv-walk")));

        List<RecordingGateway.Received> sms = gatewayCallsFor("dlv-walk");
        assertThat(sms).hasSize(3).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/sms");
            assertThat(r.authorization()).isEqualTo("Bearer sms-token");
            // the creditor the server is configured with opens every SMS
            assertThat(r.body().get("text").asText()).startsWith(settings.creditor().name() + ": ").hasSizeLessThanOrEqualTo(240);
        });
        assertThat(sms).extracting(RecordingGateway.Received::idempotencyKey).satisfiesExactly(
                k -> assertThat(k).isEqualTo("dlv-walk:PRE_DUE_REMINDER@-5:SMS"),
                k -> assertThat(k).isEqualTo("dlv-walk:DUE_DAY_NOTICE@0:SMS"),
                k -> assertThat(k).startsWith("dlv-walk:FRIENDLY_REMINDER@").endsWith(":SMS"));

        assertThat(timelineStatuses("dlv-walk", "EMAIL")).containsExactly("SENT", "SENT", "SENT");
        // metrics are for operators: an administrator reads them
        JsonNode sentByEmail = as(Role.ADMIN).getForObject("/actuator/metrics/regua.contacts.deliveries?tag=channel:EMAIL&tag=outcome:sent",
                JsonNode.class);
        assertThat(sentByEmail.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(3);
        assertThat(as(Role.ADMIN).getForObject("/actuator/metrics/regua.contacts.waiting", JsonNode.class).get("measurements")).isNotEmpty();
        assertThat(worker.deliverDue().claimed()).as("nothing is sent twice").isZero();
    }

    @Test
    void theSimulationSendsEachMessageAtTheSimulatedHourItsStepRan() throws Exception {
        register("dlv-sim");

        http = as(Role.ADMIN); // moving the simulation clock is an administrator's act
        ResponseEntity<JsonNode> advanced = post("/api/simulation/advance", "{\"to\": \"2026-03-17T12:00:00-03:00\"}");

        assertThat(advanced.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(emailsTo("cust-dlv-sim@example.com")).extracting(MimeMessage::getSubject).containsExactly(
                "Lembrete: Mensalidade de março vence em 16/03/2026", "Mensalidade de março: vencimento em 16/03/2026");
        assertThat(gatewayCallsFor("dlv-sim")).hasSize(2);
        List<OffsetDateTime> sentAt = jdbc.sql("select sent_at from contact where receivable_id = ? and channel = 'EMAIL' order by id")
                .param(receivables.get("dlv-sim").id()).query(OffsetDateTime.class).list().stream()
                .map(t -> t.withOffsetSameInstant(java.time.ZoneOffset.ofHours(-3))).toList();
        assertThat(sentAt).containsExactly(OffsetDateTime.parse("2026-03-11T08:00:00-03:00"),
                OffsetDateTime.parse("2026-03-16T08:00:00-03:00"));
    }

    private static String stageTask(String stage) {
        return switch (stage) {
            case "PRE_DUE_REMINDER" -> "Task_SendPreDueReminder";
            case "DUE_DAY_NOTICE" -> "Task_SendDueDayNotice";
            case "FRIENDLY_REMINDER" -> "Task_SendFriendlyReminder";
            default -> throw new IllegalArgumentException(stage);
        };
    }

    /** Registers and fires the first timer: the pre-due reminder is recorded, e-mail and SMS, on Wed 11 Mar 08:00. */
    private void preDueReminderRecorded(String id) {
        String caseId = register(id);
        fireTimersUntilPassed(caseId, "Task_SendPreDueReminder", 2);
    }

    private void preDueReminderRecorded(NewReceivable r) {
        String caseId = register(r);
        fireTimersUntilPassed(caseId, "Task_SendPreDueReminder", 2);
    }

    @Test
    void aBoletoSentWithTheReceivableIsOfferedInItsMessagesAndABadLineIsRefused() throws Exception {
        String line = "34191.79001 01043.510047 91020.150008 1 96610000154500";
        NewReceivable plain = owing("dlv-boleto", "cust-dlv-boleto", "SP", "1500.00");
        preDueReminderRecorded(new NewReceivable(plain.externalId(), plain.customer(), plain.amount(), plain.issueDate(),
                plain.dueDate(), plain.description(), line));

        assertThat(contactOf("dlv-boleto", "PRE_DUE_REMINDER", Channel.EMAIL).body()).contains("Boleto, linha digitável: " + line);

        ResponseEntity<JsonNode> bad = post("/api/receivables", """
                {"externalId": "dlv-boleto-bad", "customer": {"externalId": "cust-dlv-boleto", "name": "Maria da Silva",
                 "document": "529.982.247-25", "type": "CONSUMER"}, "amount": "10.00", "issueDate": "2026-03-01",
                 "dueDate": "2026-03-16", "boletoLine": "1234"}""");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("field").asText()).isEqualTo("boletoLine");
    }

    @Test
    void aReceivableWithTheLongestDescriptionStillGetsItsMessages() throws Exception {
        NewReceivable plain = owing("dlv-long", "cust-dlv-long", "SP", "1500.00");
        String description = "Mensalidade escolar ".repeat(25); // 500 characters, the most the intake takes
        preDueReminderRecorded(new NewReceivable(plain.externalId(), plain.customer(), plain.amount(), plain.issueDate(),
                plain.dueDate(), description));

        assertThat(worker.deliverDue().sent()).isEqualTo(2);
        assertThat(emailsTo("cust-dlv-long@example.com")).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).contains(description.strip()));
    }

    // ---- exactly once

    @Test
    void twoWorkersRacingDeliverEachContactExactlyOnce() throws Exception {
        for (int i = 0; i < 8; i++) {
            preDueReminderRecorded("dlv-race-" + i);
        }
        setClock("2026-03-11T09:00:00-03:00");

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> claimed = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            claimed.add(nodes.submit(() -> {
                start.await();
                int total = 0;
                for (DeliveryWorker.Round r = worker.deliverDue(); r.claimed() > 0; r = worker.deliverDue()) {
                    total += r.claimed();
                }
                return total;
            }));
        }
        start.countDown();
        int total = claimed.get(0).get(60, TimeUnit.SECONDS) + claimed.get(1).get(60, TimeUnit.SECONDS);
        nodes.shutdown();

        assertThat(total).as("claims by both workers together").isEqualTo(16);
        Map<String, Long> smsPerKey = GATEWAY.received().stream().filter(r -> r.idempotencyKey().startsWith("dlv-race-"))
                .collect(Collectors.groupingBy(RecordingGateway.Received::idempotencyKey, Collectors.counting()));
        assertThat(smsPerKey).hasSize(8).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1L));
        Map<String, Long> emailsPerId = Arrays.stream(SMTP.getReceivedMessages())
                .collect(Collectors.groupingBy(m -> messageId(m), Collectors.counting()));
        assertThat(emailsPerId).hasSize(8).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));
        for (int i = 0; i < 8; i++) {
            assertThat(contactsOf("dlv-race-" + i)).extracting(ContactService.Contact::status).containsOnly(ContactStatus.SENT);
        }
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A worker claims a contact, sends it and dies before recording SENT. Nobody else takes the
     * contact while the lease lasts; after it, another worker sends it again with the same
     * idempotency key, which is what lets the gateway (and, by Message-ID, mail systems) drop the
     * duplicate. Régua itself cannot know whether the first send left the building: at-least-once
     * from the outbox, exactly-once at a provider that honours the key.
     */
    @Test
    void aContactClaimedByAWorkerThatCrashedIsSentAgainAfterItsLeaseWithTheSameIdempotencyKey() throws Exception {
        preDueReminderRecorded("dlv-crash");
        long smsId = contactOf("dlv-crash", "PRE_DUE_REMINDER", Channel.SMS).id();
        OffsetDateTime now = OffsetDateTime.now(clock);

        // the worker that will crash: claims, sends through the gateway, never records
        OutgoingContact claimedByTheDeadWorker = outbox.claim(smsId, now, now.plusMinutes(2)).orElseThrow();
        new GatewaySender(Channel.SMS, new ContactProperties.Gateway(GATEWAY.url("/sms"), "sms-token", "AURORA"),
                java.time.Duration.ofSeconds(1), new com.fasterxml.jackson.databind.ObjectMapper()).send(claimedByTheDeadWorker);

        // another worker, within the lease: sends the e-mail, leaves the claimed SMS alone
        DeliveryWorker.Round during = worker.deliverDue();
        assertThat(during.sent()).isEqualTo(1);
        assertThat(contactOf("dlv-crash", "PRE_DUE_REMINDER", Channel.SMS).status()).isEqualTo(ContactStatus.QUEUED);
        assertThat(gatewayCallsFor("dlv-crash")).hasSize(1);

        // the lease runs out: the SMS goes again, under the same key
        clock.moveTo(clock.instant().plusSeconds(121));
        assertThat(worker.deliverDue().sent()).isEqualTo(1);
        assertThat(contactOf("dlv-crash", "PRE_DUE_REMINDER", Channel.SMS).status()).isEqualTo(ContactStatus.SENT);
        assertThat(gatewayCallsFor("dlv-crash")).extracting(RecordingGateway.Received::idempotencyKey)
                .containsExactly("dlv-crash:PRE_DUE_REMINDER@-5:SMS", "dlv-crash:PRE_DUE_REMINDER@-5:SMS");

        // the dead worker's late word cannot overwrite what the living one recorded
        assertThat(outbox.retryLater(claimedByTheDeadWorker, "late", OffsetDateTime.now(clock), OffsetDateTime.now(clock))).isFalse();
        assertThat(contactOf("dlv-crash", "PRE_DUE_REMINDER", Channel.SMS).status()).isEqualTo(ContactStatus.SENT);
        assertThat(worker.deliverDue().claimed()).isZero();
    }

    // ---- failures

    @Test
    void aGatewayThatKeepsFailingIsRetriedWithBackoffThenTheContactFailsRaisesAnIncidentAndGoesByWhatsApp() throws Exception {
        preDueReminderRecorded("dlv-5xx");
        String caseId = caseOf("dlv-5xx").getId();
        GATEWAY.answerNext(status(503), status(502), status(500));

        assertThat(worker.deliverDue().retrying()).isEqualTo(1); // 08:00 first try
        assertThat(worker.deliverDue().claimed()).as("not before the backoff").isZero();
        clock.moveTo(clock.instant().plusSeconds(60));
        assertThat(worker.deliverDue().retrying()).isEqualTo(1); // 08:01 second try
        clock.moveTo(clock.instant().plusSeconds(60));
        assertThat(worker.deliverDue().claimed()).as("the backoff doubled").isZero();
        clock.moveTo(clock.instant().plusSeconds(60));
        assertThat(worker.deliverDue().failed()).isEqualTo(1); // 08:03 third and last try

        assertThat(contactOf("dlv-5xx", "PRE_DUE_REMINDER", Channel.SMS).status()).isEqualTo(ContactStatus.FAILED);
        List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(caseId)
                .incidentType(DeliveryFailures.INCIDENT_TYPE).list();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).getIncidentMessage()).contains("PRE_DUE_REMINDER via SMS", "3 tries", "WHATSAPP");

        // the fallback goes out in the next round, with the same words
        assertThat(worker.deliverDue().sent()).isEqualTo(1);
        ContactService.Contact whatsapp = contactOf("dlv-5xx", "PRE_DUE_REMINDER", Channel.WHATSAPP);
        assertThat(whatsapp.status()).isEqualTo(ContactStatus.SENT);
        assertThat(GATEWAY.received("/whatsapp")).singleElement()
                .satisfies(r -> assertThat(r.idempotencyKey()).isEqualTo("dlv-5xx:PRE_DUE_REMINDER@-5:WHATSAPP"));
        assertThat(timelineStatuses("dlv-5xx", "SMS")).containsExactly("FAILED");
        assertThat(timelineStatuses("dlv-5xx", "WHATSAPP")).containsExactly("SENT");
        // the schedule carries on: the case waits for its due-day notice
        assertThat(caseOf("dlv-5xx")).isNotNull();
        assertThat(receivables.get("dlv-5xx").nextStage()).isEqualTo("DUE_DAY_NOTICE");
    }

    @Test
    void aMessageTheGatewayRefusesFailsAtOnce() {
        preDueReminderRecorded("dlv-4xx");
        GATEWAY.answerNext(status(422));

        DeliveryWorker.Round round = worker.deliverDue();

        assertThat(round.failed()).isEqualTo(1);
        assertThat(gatewayCallsFor("dlv-4xx").stream().filter(r -> r.path().equals("/sms"))).hasSize(1);
        assertThat(contactOf("dlv-4xx", "PRE_DUE_REMINDER", Channel.SMS).status()).isEqualTo(ContactStatus.FAILED);
    }

    @Test
    void aGatewayThatHangsIsGivenUpOnAndTriedAgainLater() {
        preDueReminderRecorded("dlv-hang");
        GATEWAY.answerNext(RecordingGateway.hang(java.time.Duration.ofSeconds(3)));

        assertThat(worker.deliverDue().retrying()).isEqualTo(1);
        clock.moveTo(clock.instant().plusSeconds(60));
        assertThat(worker.deliverDue().sent()).isEqualTo(1);
        assertThat(contactOf("dlv-hang", "PRE_DUE_REMINDER", Channel.SMS).status()).isEqualTo(ContactStatus.SENT);
    }

    // ---- within the law

    @Test
    void aContactDueOutsideContactHoursIsDeferredToTheNextWindowNotDropped() {
        preDueReminderRecorded("dlv-night");
        setClock("2026-03-11T20:30:00-03:00"); // the worker was down all day

        DeliveryWorker.Round round = worker.deliverDue();

        assertThat(round.deferred()).isEqualTo(2);
        assertThat(timelineStatuses("dlv-night", "EMAIL")).containsExactly("DEFERRED");
        assertThat(http.getForObject("/api/receivables/dlv-night", JsonNode.class).get("timeline").findValuesAsText("detail"))
                .contains("outside the debtor's contact hours");
        assertThat(nextAttemptOf("dlv-night", Channel.SMS)).isEqualTo(OffsetDateTime.parse("2026-03-12T08:00:00-03:00"));
        setClock("2026-03-12T07:59:00-03:00");
        assertThat(worker.deliverDue().claimed()).isZero();
        setClock("2026-03-12T08:00:00-03:00");
        assertThat(worker.deliverDue().sent()).isEqualTo(2);
        assertThat(timelineStatuses("dlv-night", "EMAIL")).containsExactly("SENT");
    }

    @Test
    void theBusinessesExtraHolidaysAndTheDebtorsTimeZoneAreRespected() {
        // Thursday 19 March 2026 is closed by configuration; the debtor lives in Manaus (UTC-4)
        preDueReminderRecorded(owing("dlv-manaus", "cust-dlv-manaus", "AM", "800.00"));
        setClock("2026-03-18T21:30:00-03:00"); // 20:30 in Manaus

        assertThat(worker.deliverDue().deferred()).isEqualTo(2);
        // Friday 08:00 in Manaus is 09:00 in Brasília
        assertThat(nextAttemptOf("dlv-manaus", Channel.EMAIL)).isEqualTo(OffsetDateTime.parse("2026-03-20T09:00:00-03:00"));
    }

    private OffsetDateTime nextAttemptOf(String id, Channel channel) {
        return jdbc.sql("select next_attempt_at from contact where receivable_id = ? and channel = ? and stage = 'PRE_DUE_REMINDER'")
                .params(receivables.get(id).id(), channel.name()).query(OffsetDateTime.class).single()
                .withOffsetSameInstant(java.time.ZoneOffset.ofHours(-3));
    }

    @Test
    void aDebtorHearsFromUsAtMostThreeTimesAWeekAcrossAllTheirReceivables() {
        for (int i = 1; i <= 4; i++) {
            preDueReminderRecorded(owing("dlv-cap-" + i, "cust-dlv-cap", "SP", "100.00"));
        }

        DeliveryWorker.Round round = worker.deliverDue();

        // three steps, each by e-mail and SMS, go; the fourth waits until the first leaves the 7-day window
        assertThat(round.sent()).isEqualTo(6);
        assertThat(round.deferred()).isEqualTo(2);
        assertThat(contactsOf("dlv-cap-4")).extracting(ContactService.Contact::status).containsOnly(ContactStatus.DEFERRED);
        assertThat(nextAttemptOf("dlv-cap-4", Channel.SMS)).isEqualTo(OffsetDateTime.parse("2026-03-18T08:00:01-03:00"));
    }

    @Test
    void aReminderStillQueuedWhenTheDebtIsPaidIsNotSentButTheThankYouIs() {
        preDueReminderRecorded("dlv-paid");
        setClock("2026-03-11T20:30:00-03:00");
        assertThat(worker.deliverDue().deferred()).isEqualTo(2); // waiting for Thursday morning

        payments.register(new br.com.regua.payment.NewPayment("dlv-paid-pix", "dlv-paid", new BigDecimal("1500.00"),
                br.com.regua.payment.PaymentMethod.PIX, OffsetDateTime.now(clock)));
        setClock("2026-03-12T08:00:00-03:00");
        DeliveryWorker.Round round = worker.deliverDue();

        assertThat(round.sent()).as("the thank-you, by e-mail and SMS").isEqualTo(2);
        assertThat(round.failed()).isEqualTo(2);
        assertThat(contactsOf("dlv-paid")).filteredOn(c -> "PRE_DUE_REMINDER".equals(c.stage()))
                .allSatisfy(c -> assertThat(c.detail()).contains("no longer being collected"));
        assertThat(contactsOf("dlv-paid")).filteredOn(c -> "PAID".equals(c.stage()))
                .extracting(ContactService.Contact::status).containsOnly(ContactStatus.SENT);
        assertThat(runtime.createIncidentQuery().incidentType(DeliveryFailures.INCIDENT_TYPE).list())
                .noneMatch(i -> i.getIncidentMessage().contains("dlv-paid"));
    }

    // ---- an agreement's installment reminders

    @Autowired
    br.com.regua.agreement.OfferService offers;
    @Autowired
    br.com.regua.agreement.AgreementService agreements;

    /**
     * R$ 1.500,00 registered Monday 2 March, due 16 March; on Saturday 25 April the debtor takes the
     * offer of three installments (500 each, due 5 May, 5 June, 5 July; reminded 3 days before).
     */
    private String agreementOfThree(String id) {
        register(owing(id, "cust-" + id, "SP", "1500.00"));
        setClock("2026-04-25T10:00:00-03:00");
        br.com.regua.agreement.Offer offer = offers.forReceivable(id).offers().stream().filter(o -> o.installmentCount() == 3)
                .findFirst().orElseThrow();
        return agreements.accept(offer.id()).agreement().id();
    }

    /** The PIX code of one installment: its own amount and its own transaction id, so the payment finds the installment. */
    private static String pixOfInstallment(String agreementId, int number, String amount) {
        return PixPayload.of(PIX_KEY, "Escola Aurora", "Campinas", new BigDecimal(amount),
                agreementId.replace("-", "").substring(0, 20) + "P" + number);
    }

    private void payInstallment(String agreementId, int number, String amount) {
        agreements.pay(new br.com.regua.payment.NewPayment(agreementId + "-pay-" + number, null, new BigDecimal(amount),
                br.com.regua.payment.PaymentMethod.PIX, OffsetDateTime.now(clock), agreementId, number));
    }

    /**
     * Walks the days from {@code first} to {@code last}: each day at 10:00 the case's and the
     * agreement's due timers fire, {@code onDay} acts as the debtor would, and the worker delivers
     * what is due. Returns the reminders' e-mails, by the day they arrived.
     */
    private Map<LocalDate, List<MimeMessage>> walk(String id, String agreementId, LocalDate first, LocalDate last,
                                                   java.util.function.Consumer<LocalDate> onDay) throws Exception {
        Map<LocalDate, List<MimeMessage>> reminders = new java.util.TreeMap<>();
        int seen = emailsTo("cust-" + id + "@example.com").size();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            clock.moveTo(day.atTime(10, 0).atZone(java.time.ZoneId.of("America/Sao_Paulo")).toInstant());
            fireDueJobs(id, agreementId);
            onDay.accept(day);
            fireDueJobs(id, agreementId);
            while (worker.deliverDue().claimed() > 0) {
                // the worker takes a batch per round
            }
            List<MimeMessage> all = emailsTo("cust-" + id + "@example.com");
            for (MimeMessage m : all.subList(seen, all.size())) {
                if (m.getSubject().contains("do seu acordo")) {
                    reminders.computeIfAbsent(day, d -> new ArrayList<>()).add(m);
                }
            }
            seen = all.size();
        }
        return reminders;
    }

    private void fireDueJobs(String id, String agreementId) {
        java.util.Date now = java.util.Date.from(clock.instant());
        for (boolean fired = true; fired; ) {
            fired = false;
            List<String> instances = new ArrayList<>();
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).list().forEach(p -> instances.add(p.getId()));
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(agreementId).list().forEach(p -> instances.add(p.getId()));
            for (String instance : instances) {
                for (org.camunda.bpm.engine.runtime.Job job : management.createJobQuery().processInstanceId(instance).list()) {
                    if (job.getDuedate() == null || !job.getDuedate().after(now)) {
                        management.executeJob(job.getId());
                        fired = true;
                    }
                }
            }
        }
    }

    private List<RecordingGateway.Received> remindersByGateway(String id) {
        return gatewayCallsFor(id).stream().filter(r -> r.idempotencyKey().contains(":AGREEMENT-")).toList();
    }

    @Test
    void aDebtorKeepingAnAgreementOfThreeInstallmentsIsRemindedBeforeEachWithItsAmountAndPixCodeAndNotAfter() throws Exception {
        String agreementId = agreementOfThree("dlv-agr-kept");

        Map<LocalDate, List<MimeMessage>> reminders = walk("dlv-agr-kept", agreementId, LocalDate.of(2026, 4, 26),
                LocalDate.of(2026, 8, 10), day -> {
                    // each installment paid on its due day
                    if (day.equals(LocalDate.of(2026, 5, 5)) || day.equals(LocalDate.of(2026, 6, 5))
                            || day.equals(LocalDate.of(2026, 7, 5))) {
                        payInstallment(agreementId, day.getMonthValue() - 4, "500.00");
                    }
                });

        // three days before each due date, one e-mail each, and nothing once the agreement is kept
        assertThat(reminders.keySet()).containsExactly(LocalDate.of(2026, 5, 2), LocalDate.of(2026, 6, 2), LocalDate.of(2026, 7, 2));
        int number = 1;
        for (List<MimeMessage> sameDay : reminders.values()) {
            MimeMessage m = sameDay.get(0);
            assertThat(sameDay).hasSize(1);
            assertThat(m.getSubject()).isEqualTo("Lembrete: parcela " + number + " de 3 do seu acordo vence em 05/0" + (number + 4)
                    + "/2026");
            assertThat(textOf(m)).contains("Olá, Maria da Silva.", "Valor da parcela: R$ 500,00", "Valor a pagar: R$ 500,00",
                            "PIX copia e cola: " + pixOfInstallment(agreementId, number, "500.00"), settings.creditor().name())
                    .doesNotContain("{{");
            number++;
        }
        assertThat(pixOfInstallment(agreementId, 1, "500.00")).isNotEqualTo(pixOfInstallment(agreementId, 2, "500.00"));
        // the same reminders by SMS, one short line each, with the installment's amount and due date
        assertThat(remindersByGateway("dlv-agr-kept")).extracting(r -> r.body().get("text").asText()).satisfiesExactly(
                t -> assertThat(t).contains("parcela 1 de 3", "R$ 500,00", "05/05/2026").hasSizeLessThanOrEqualTo(240),
                t -> assertThat(t).contains("parcela 2 de 3", "R$ 500,00", "05/06/2026").hasSizeLessThanOrEqualTo(240),
                t -> assertThat(t).contains("parcela 3 de 3", "R$ 500,00", "05/07/2026").hasSizeLessThanOrEqualTo(240));
        assertThat(contactsOf("dlv-agr-kept")).filteredOn(c -> c.kind() == MessageKind.INSTALLMENT_REMINDER)
                .hasSize(6).allSatisfy(c -> {
                    assertThat(c.status()).isEqualTo(ContactStatus.SENT);
                    assertThat(c.stage()).as("a reminder is no stage of the schedule").isNull();
                });
        // the agreement kept pays the debt: the thank-you goes too
        assertThat(emailsTo("cust-dlv-agr-kept@example.com")).extracting(MimeMessage::getSubject)
                .contains("Pagamento recebido: obrigado!");
        JsonNode timeline = http.getForObject("/api/receivables/dlv-agr-kept", JsonNode.class).get("timeline");
        assertThat(timeline.findValuesAsText("kind")).contains("INSTALLMENT_REMINDER", "THANK_YOU");
    }

    @Test
    void aBrokenAgreementGetsNoMoreReminders() throws Exception {
        String agreementId = agreementOfThree("dlv-agr-broken");

        // the first installment paid on time, the second never: its grace ends with 10 June
        Map<LocalDate, List<MimeMessage>> reminders = walk("dlv-agr-broken", agreementId, LocalDate.of(2026, 4, 26),
                LocalDate.of(2026, 7, 15), day -> {
                    if (day.equals(LocalDate.of(2026, 5, 5))) {
                        payInstallment(agreementId, 1, "500.00");
                    }
                });

        assertThat(agreements.get(agreementId).status()).isEqualTo(br.com.regua.agreement.AgreementStatus.BROKEN);
        assertThat(reminders.keySet()).containsExactly(LocalDate.of(2026, 5, 2), LocalDate.of(2026, 6, 2));
        assertThat(textOf(reminders.get(LocalDate.of(2026, 6, 2)).get(0)))
                .contains("parcela 2 de 3", "PIX copia e cola: " + pixOfInstallment(agreementId, 2, "500.00"));
        assertThat(remindersByGateway("dlv-agr-broken")).hasSize(2);
        // collection resumed where the rules say: the formal notice reaches the debtor
        assertThat(emailsTo("cust-dlv-agr-broken@example.com")).extracting(MimeMessage::getSubject)
                .contains("Notificação extrajudicial: Mensalidade de março");
    }

    @Test
    void aReminderStillQueuedWhenItsInstallmentIsPaidIsNotSent() throws Exception {
        String agreementId = agreementOfThree("dlv-agr-paid");
        String processId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(agreementId).singleResult().getId();
        // the reminder of Saturday 2 May is recorded after the Saturday window closed (the node was down that morning)
        setClock("2026-05-02T14:30:00-03:00");
        fireDueJobs("dlv-agr-paid", agreementId);
        assertThat(contactsOf("dlv-agr-paid")).filteredOn(c -> c.kind() == MessageKind.INSTALLMENT_REMINDER).hasSize(2);
        assertThat(worker.deliverDue().deferred()).as("waiting for Monday morning").isEqualTo(2);

        setClock("2026-05-03T11:00:00-03:00");
        payInstallment(agreementId, 1, "500.00"); // paid on Sunday
        setClock("2026-05-04T08:00:00-03:00");
        DeliveryWorker.Round monday = worker.deliverDue();

        assertThat(monday.sent()).isZero();
        assertThat(monday.failed()).isEqualTo(2);
        assertThat(contactsOf("dlv-agr-paid")).filteredOn(c -> c.kind() == MessageKind.INSTALLMENT_REMINDER).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(ContactStatus.FAILED);
            assertThat(c.detail()).contains("the installment was paid");
        });
        assertThat(emailsTo("cust-dlv-agr-paid@example.com")).isEmpty();
        assertThat(remindersByGateway("dlv-agr-paid")).isEmpty();
        assertThat(runtime.createIncidentQuery().processInstanceId(processId).list()).isEmpty();
    }

    // ---- opt-outs

    @Test
    void anOptOutStopsEvenQueuedMessagesAndTheNextStepUsesWhatTheDebtorAccepts() throws Exception {
        preDueReminderRecorded("dlv-optout");

        ResponseEntity<JsonNode> first = post("/api/customers/cust-dlv-optout/opt-outs", "{\"channel\": \"SMS\"}");
        ResponseEntity<JsonNode> again = post("/api/customers/cust-dlv-optout/opt-outs", "{\"channel\": \"SMS\"}");

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().get("optedOut").toString()).isEqualTo("[\"SMS\"]");

        worker.deliverDue();
        assertThat(GATEWAY.received("/sms")).isEmpty();
        assertThat(contactOf("dlv-optout", "PRE_DUE_REMINDER", Channel.SMS).status()).isEqualTo(ContactStatus.FAILED);
        // the queued SMS goes by WhatsApp instead, which the debtor did not refuse
        worker.deliverDue();
        assertThat(GATEWAY.received("/whatsapp")).hasSize(1);

        // the next step: the rules choose e-mail and WhatsApp
        fireTimersUntilPassed(caseOf("dlv-optout").getId(), "Task_SendDueDayNotice", 2);
        assertThat(contactsOf("dlv-optout").stream().filter(c -> "DUE_DAY_NOTICE".equals(c.stage())).map(ContactService.Contact::channel))
                .containsExactlyInAnyOrder(Channel.EMAIL, Channel.WHATSAPP);
    }

    @Test
    void optOutRequestsAreValidated() {
        ResponseEntity<JsonNode> badChannel = post("/api/customers/cust-nobody/opt-outs", "{\"channel\": \"PIGEON\"}");
        ResponseEntity<JsonNode> noChannel = post("/api/customers/cust-nobody/opt-outs", "{}");
        ResponseEntity<JsonNode> unknown = post("/api/customers/cust-nobody/opt-outs", "{\"channel\": \"SMS\"}");

        assertThat(badChannel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badChannel.getBody().get("field").asText()).isEqualTo("channel");
        assertThat(noChannel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noChannel.getBody().get("field").asText()).isEqualTo("channel");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    // ---- the providers' webhook

    @Test
    void aProviderReportsDeliveryThroughTheWebhook() {
        preDueReminderRecorded("dlv-hook");
        // the id a backend passes on to its provider is the one the receivable's timeline shows
        long emailId = timelineContactId("dlv-hook", "EMAIL");
        assertThat(emailId).isEqualTo(contactOf("dlv-hook", "PRE_DUE_REMINDER", Channel.EMAIL).id());

        ResponseEntity<JsonNode> tooEarly = post("/api/contacts/" + emailId + "/status", "{\"status\": \"DELIVERED\"}");
        assertThat(tooEarly.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        worker.deliverDue();
        ResponseEntity<JsonNode> delivered = post("/api/contacts/" + emailId + "/status", "{\"status\": \"DELIVERED\"}");
        ResponseEntity<JsonNode> twice = post("/api/contacts/" + emailId + "/status", "{\"status\": \"DELIVERED\"}");

        assertThat(delivered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(delivered.getBody().get("status").asText()).isEqualTo("DELIVERED");
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(timelineStatuses("dlv-hook", "EMAIL")).containsExactly("DELIVERED");
        assertThat(timelineStatuses("dlv-hook", "SMS")).containsExactly("SENT");
    }

    @Test
    void aBounceReportedByTheProviderFailsTheContactAndFallsBack() {
        preDueReminderRecorded("dlv-bounce");
        worker.deliverDue();
        long emailId = contactOf("dlv-bounce", "PRE_DUE_REMINDER", Channel.EMAIL).id();

        ResponseEntity<JsonNode> bounced = post("/api/contacts/" + emailId + "/status",
                "{\"status\": \"FAILED\", \"reason\": \"mailbox does not exist\"}");

        assertThat(bounced.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(timelineStatuses("dlv-bounce", "EMAIL")).containsExactly("FAILED");
        assertThat(worker.deliverDue().sent()).isEqualTo(1);
        assertThat(GATEWAY.received("/whatsapp")).singleElement()
                .satisfies(r -> assertThat(r.body().get("text").asText()).contains("Como pagar o total de R$ 1.500,00"));
        assertThat(runtime.createIncidentQuery().processInstanceId(caseOf("dlv-bounce").getId()).singleResult().getIncidentMessage())
                .contains("mailbox does not exist");
    }

    @Test
    void webhookInputIsValidatedAndNamesTheField() {
        preDueReminderRecorded("dlv-hook-bad");
        long id = contactOf("dlv-hook-bad", "PRE_DUE_REMINDER", Channel.EMAIL).id();

        ResponseEntity<JsonNode> unknownStatus = post("/api/contacts/" + id + "/status", "{\"status\": \"READ\"}");
        ResponseEntity<JsonNode> noStatus = post("/api/contacts/" + id + "/status", "{}");
        ResponseEntity<JsonNode> malformed = post("/api/contacts/" + id + "/status", "{\"status\": ");
        ResponseEntity<JsonNode> noSuchContact = post("/api/contacts/999999999/status", "{\"status\": \"DELIVERED\"}");

        for (ResponseEntity<JsonNode> r : List.of(unknownStatus, noStatus)) {
            assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(r.getBody().get("field").asText()).isEqualTo("status");
        }
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noSuchContact.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(contactOf("dlv-hook-bad", "PRE_DUE_REMINDER", Channel.EMAIL).status()).isEqualTo(ContactStatus.QUEUED);
    }

    // ---- promises to pay: the reminder the day before

    @Autowired
    br.com.regua.promise.PromiseService promises;

    /**
     * The case walked to Monday 23 March 10:00, the worker delivering as it goes, then a promise of
     * R$ 500,00 by Thursday 26 March (a new customer: reminded Wednesday 25 at 08:00).
     */
    private String promiseOf(String id) {
        String caseId = register(id);
        OffsetDateTime monday = OffsetDateTime.parse("2026-03-23T10:00:00-03:00");
        while (management.createJobQuery().processInstanceId(caseId).timers().list().stream()
                .anyMatch(j -> !j.getDuedate().toInstant().isAfter(monday.toInstant()))) {
            fireNextTimer(caseId);
            worker.deliverDue();
        }
        setClock("2026-03-23T10:00:00-03:00");
        return promises.make(id, new BigDecimal("500.00"), LocalDate.of(2026, 3, 26), "test-collectors").id();
    }

    private String promiseProcess(String promiseId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(promiseId).singleResult().getId();
    }

    private List<MimeMessage> promiseReminders(String address) throws Exception {
        List<MimeMessage> reminders = new ArrayList<>();
        for (MimeMessage m : emailsTo(address)) {
            if (m.getSubject().startsWith("Lembrete: pagamento combinado")) {
                reminders.add(m);
            }
        }
        return reminders;
    }

    @Test
    void aPromiseToPayIsRemindedTheDayBeforeByEmailAndSmsWithWhatIsLeftToPay() throws Exception {
        String promiseId = promiseOf("dlv-promise");
        setClock("2026-03-24T09:00:00-03:00");
        payments.register(new br.com.regua.payment.NewPayment("dlv-promise-part", "dlv-promise", new BigDecimal("200.00"),
                br.com.regua.payment.PaymentMethod.PIX, OffsetDateTime.parse("2026-03-24T09:00:00-03:00")));

        fireNextTimer(promiseProcess(promiseId)); // Wednesday 25 March 08:00
        assertThat(OffsetDateTime.now(clock)).isEqualTo(OffsetDateTime.parse("2026-03-25T08:00:00-03:00"));
        DeliveryWorker.Round round = worker.deliverDue();

        assertThat(round.sent()).isEqualTo(2);
        List<MimeMessage> reminders = promiseReminders("cust-dlv-promise@example.com");
        assertThat(reminders).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("Lembrete: pagamento combinado de R$ 500,00 até 26/03/2026");
            assertThat(textOf(m)).contains("Olá, Maria da Silva.", "Valor combinado: R$ 500,00", "Já pago desde o combinado: R$ 200,00",
                    "Falta pagar do valor combinado: R$ 300,00", "Valor principal:", "Multa:", "Juros de mora:",
                    "PIX copia e cola:", settings.creditor().name()).doesNotContain("{{");
        });
        assertThat(gatewayCallsFor("dlv-promise")).filteredOn(r -> r.idempotencyKey().contains(":PROMISE-")).singleElement()
                .satisfies(r -> assertThat(r.body().get("text").asText()).contains("R$ 500,00", "26/03/2026", "R$ 300,00")
                        .hasSizeLessThanOrEqualTo(240));
        assertThat(contactsOf("dlv-promise")).filteredOn(c -> c.kind() == MessageKind.PROMISE_REMINDER).hasSize(2)
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(ContactStatus.SENT));
    }

    @Test
    void aPromiseReminderStillQueuedWhenThePromiseIsKeptIsNotSent() throws Exception {
        String promiseId = promiseOf("dlv-promise-kept");
        // the reminder is recorded on Wednesday 25 March after contact hours (the node was down all day): it waits for Thursday
        setClock("2026-03-25T20:30:00-03:00");
        management.createJobQuery().processInstanceId(promiseProcess(promiseId)).timers().list().stream()
                .filter(j -> j.getDuedate().toInstant().isBefore(clock.instant())).forEach(j -> management.executeJob(j.getId()));
        assertThat(contactsOf("dlv-promise-kept")).filteredOn(c -> c.kind() == MessageKind.PROMISE_REMINDER).hasSize(2);
        assertThat(worker.deliverDue().sent()).as("outside contact hours").isZero();

        setClock("2026-03-25T21:00:00-03:00");
        payments.register(new br.com.regua.payment.NewPayment("dlv-promise-kept-pix", "dlv-promise-kept", new BigDecimal("500.00"),
                br.com.regua.payment.PaymentMethod.PIX, OffsetDateTime.parse("2026-03-25T21:00:00-03:00")));
        setClock("2026-03-26T08:00:00-03:00");
        worker.deliverDue();

        assertThat(promiseReminders("cust-dlv-promise-kept@example.com")).isEmpty();
        assertThat(gatewayCallsFor("dlv-promise-kept")).noneMatch(r -> r.idempotencyKey().contains(":PROMISE-"));
        assertThat(contactsOf("dlv-promise-kept")).filteredOn(c -> c.kind() == MessageKind.PROMISE_REMINDER).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(ContactStatus.FAILED);
            assertThat(c.detail()).contains("the promise to pay was kept");
        });
    }
}
