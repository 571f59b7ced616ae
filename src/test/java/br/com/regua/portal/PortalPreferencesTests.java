package br.com.regua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import br.com.regua.contact.OptOutService;
import br.com.regua.policy.CaseFacts;
import br.com.regua.policy.Channel;
import br.com.regua.policy.PolicyDecision;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.schedule.ContactHours;
import br.com.regua.security.AuditLog;
import br.com.regua.security.Role;

/**
 * The debtor's side of contact: the channel and time of day they prefer, set on their page, and
 * the receipt they attach to "Já paguei". What they choose reaches the next message; what the law
 * requires still reaches them; a file that is no receipt is refused with nothing created.
 */
class PortalPreferencesTests extends PortalSpringTests {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    @Autowired
    PortalTokens tokens;
    @Autowired
    ReceivableRepository repository;
    @Autowired
    AuditLog audit;
    @Autowired
    PolicyEngine policy;
    @Autowired
    OptOutService optOuts;

    @Test
    void aPreferredChannelAndTimeSetOnThePageShapeTheNextMessage() throws Exception {
        String link = owingWithALink("pref-whatsapp");
        Browser phone = confirmedPhone(link);
        String page = phone.get(link).body();
        assertThat(page).contains("Por onde e quando prefere falar conosco", "Manhã (das 8h às 12h)", "Noite (das 18h às 20h)");

        // a channel or a period the page does not offer changes nothing
        assertThat(phone.post(link + "/contact-preference", Map.of("canal", "PIGEON", "periodo", "EVENING"), csrfOf(page))
                .statusCode()).isEqualTo(302);
        assertThat(phone.get(link).body()).contains("Escolha entre e-mail, SMS e WhatsApp.");
        phone.post(link + "/contact-preference", Map.of("canal", "WHATSAPP", "periodo", "MIDNIGHT"), csrfOf(page));
        assertThat(phone.get(link).body()).contains("Escolha um canal e um período da lista.");
        var unchanged = repository.findCustomer("cust-pref-whatsapp").orElseThrow();
        assertThat(unchanged.preferredChannel()).isNull();
        assertThat(unchanged.preferredTime()).isNull();

        HttpResponse<String> saved = phone.post(link + "/contact-preference", Map.of("canal", "WHATSAPP", "periodo", "EVENING"),
                csrfOf(page));
        assertThat(saved.statusCode()).isEqualTo(302);
        String after = phone.get(link).body();
        assertThat(after).contains("Preferência salva");
        assertThat(after).containsPattern("value=\"WHATSAPP\"\\s+checked").containsPattern("value=\"EVENING\"\\s+checked");

        // Wednesday 11 March, the day of the pre-due reminder: not at 08:00 but at 18:00, and by WhatsApp alone
        // (without a preference this debtor gets an e-mail and an SMS at 08:00)
        fireTimersUntilSent("pref-whatsapp", "PRE_DUE_REMINDER", 6);
        List<Map<String, Object>> sent = jdbc.sql("select c.channel, c.created_at from contact c join receivable r on r.id = c.receivable_id "
                + "where r.external_id = 'pref-whatsapp'").query().listOfRows();
        assertThat(sent).extracting(row -> row.get("channel")).containsExactly("WHATSAPP");
        assertThat(createdAt(sent.get(0))).isEqualTo(ZonedDateTime.parse("2026-03-11T18:00:00-03:00[America/Sao_Paulo]").toInstant());

        JsonNode api = as(Role.INTEGRATION).getForObject("/api/receivables/pref-whatsapp", JsonNode.class);
        assertThat(api.at("/customer/preferredChannel").asText()).isEqualTo("WHATSAPP");
        assertThat(api.at("/customer/preferredTime").asText()).isEqualTo("EVENING");
        assertThat(api.get("timeline").toString()).contains("preferred contact on their page: channel WHATSAPP, time of day EVENING");
        assertThat(audit.read(new AuditLog.Query("debtor cust-pref-whatsapp", "preferred contact", null, null, 10)))
                .extracting(AuditLog.Event::detail).containsExactly("channel WHATSAPP, time of day EVENING");
    }

    @Test
    void aPreferredTimeMovesTheSendWithinTheLawsHoursAndIsClampedToThem() {
        // Wednesday 11 March 2026
        LocalDate wednesday = LocalDate.of(2026, 3, 11);
        PolicyDecision sp = policy.evaluate(facts("SP", "EVENING", wednesday));
        assertThat(ContactHours.nextAllowed(at(wednesday, 8, 0), sp.contactWindows())).isEqualTo(at(wednesday, 18, 0));
        assertThat(ContactHours.nextAllowed(at(wednesday, 19, 30), sp.contactWindows())).isEqualTo(at(wednesday, 19, 30));
        // the law's hours end at 20:00: the evening does not run past them into the night
        assertThat(ContactHours.nextAllowed(at(wednesday, 20, 0), sp.contactWindows())).isEqualTo(at(wednesday.plusDays(1), 18, 0));
        // on Saturdays the law allows 08:00-14:00: the evening lies outside, so Saturday keeps the law's hours
        LocalDate saturday = LocalDate.of(2026, 3, 14);
        assertThat(ContactHours.nextAllowed(at(saturday, 7, 0), sp.contactWindows())).isEqualTo(at(saturday, 8, 0));
        assertThat(ContactHours.nextAllowed(at(saturday, 14, 0), sp.contactWindows())).isEqualTo(at(LocalDate.of(2026, 3, 16), 18, 0));

        // in Rio de Janeiro the day ends at 19:00: the evening is clamped to 18:00-19:00
        PolicyDecision rj = policy.evaluate(facts("RJ", "EVENING", wednesday));
        assertThat(ContactHours.nextAllowed(at(wednesday, 8, 0), rj.contactWindows())).isEqualTo(at(wednesday, 18, 0));
        assertThat(ContactHours.nextAllowed(at(wednesday, 19, 0), rj.contactWindows())).isEqualTo(at(wednesday.plusDays(1), 18, 0));
        // and the morning starts at the state's 09:00, not the preference's 08:00
        PolicyDecision rjMorning = policy.evaluate(facts("RJ", "MORNING", wednesday));
        assertThat(ContactHours.nextAllowed(at(wednesday, 7, 0), rjMorning.contactWindows())).isEqualTo(at(wednesday, 9, 0));
        assertThat(ContactHours.nextAllowed(at(wednesday, 12, 0), rjMorning.contactWindows())).isEqualTo(at(wednesday.plusDays(1), 9, 0));
    }

    @Test
    void aNoticeTheLawRequiresGoesByEveryLawfulChannelWhateverTheDebtorPrefers() throws Exception {
        String link = owingWithALink("pref-notice");
        Browser phone = confirmedPhone(link);
        phone.post(link + "/contact-preference", Map.of("canal", "WHATSAPP", "periodo", ""), csrfOf(phone.get(link).body()));
        // a debtor who refused every channel, the letter too: reminders stop, the notices go by letter
        owing("pref-refused", "123.456.789-09");
        for (Channel c : Channel.values()) {
            optOuts.optOut("cust-pref-refused", c);
        }

        fireTimersUntilSent("pref-notice", "FORMAL_NOTICE", 20);
        fireTimersUntilSent("pref-refused", "FORMAL_NOTICE", 20);

        assertThat(channels("pref-notice", "FRIENDLY_REMINDER")).isNotEmpty().containsOnly("WHATSAPP");
        assertThat(channels("pref-notice", "FORMAL_NOTICE")).containsExactlyInAnyOrder("EMAIL", "SMS", "WHATSAPP");
        assertThat(channels("pref-refused", "FRIENDLY_REMINDER")).isEmpty();
        assertThat(channels("pref-refused", "FORMAL_NOTICE")).containsExactly("LETTER");
    }

    @Test
    void aReceiptAttachedToAlreadyPaidIsKeptForStaffAndABadOneIsRefusedWithNothingCreated() throws Exception {
        String link = owingWithALink("pref-receipt");
        Browser phone = confirmedPhone(link);
        String page = phone.get(link).body();
        assertThat(page).contains("enctype=\"multipart/form-data\"", "name=\"comprovante\"");

        // a program renamed .pdf and declared as a PDF: its first bytes say otherwise
        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        HttpResponse<String> renamed = dispute(phone, link, csrfOf(page), "comprovante.pdf", "application/pdf", exe);
        assertThat(renamed.statusCode()).isEqualTo(302);
        assertThat(problemOn(phone.get(link).body())).contains("O arquivo enviado não é um comprovante que possamos aceitar");
        // a PDF of 6 MB
        byte[] large = new byte[6 * 1024 * 1024];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, large, 0, 9);
        dispute(phone, link, csrfOf(page), "extrato.pdf", "application/pdf", large);
        assertThat(problemOn(phone.get(link).body())).contains("O arquivo é maior que 5 MB");
        // a scan of 12 MB, more than the server reads of a request at all: the page again, with the same words
        byte[] huge = new byte[12 * 1024 * 1024];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, huge, 0, 9);
        HttpResponse<String> tooLarge = dispute(phone, link, csrfOf(page), "scan.pdf", "application/pdf", huge);
        assertThat(tooLarge.statusCode()).isEqualTo(303);
        String back = tooLarge.headers().firstValue("Location").orElseThrow();
        assertThat(back).endsWith(link + "?arquivo=grande");
        assertThat(problemOn(phone.get(back).body())).contains("O arquivo é maior que 5 MB");
        // and the page that follows says it no more
        assertThat(problemOn(phone.get(link).body())).isEmpty();
        assertThat(jdbc.sql("select count(*) from dispute d join receivable r on r.id = d.receivable_id where r.external_id = 'pref-receipt'")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from dispute_receipt").query(Integer.class).single()).isZero();
        assertThat(as(Role.INTEGRATION).getForObject("/api/receivables/pref-receipt", JsonNode.class).get("status").asText())
                .isEqualTo("OPEN");

        byte[] pdf = ("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> sent = dispute(phone, link, csrfOf(page), "comprovante.pdf", "application/octet-stream", pdf);
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(phone.get(link).body()).contains("Recebemos a sua mensagem (Já paguei)");

        String disputeId = jdbc.sql("select d.id from dispute d join receivable r on r.id = d.receivable_id where r.external_id = 'pref-receipt'")
                .query(String.class).single();
        JsonNode view = as(Role.INTEGRATION).getForObject("/api/disputes/" + disputeId, JsonNode.class);
        assertThat(view.at("/receipt/contentType").asText()).isEqualTo("application/pdf");
        assertThat(view.at("/receipt/size").asInt()).isEqualTo(pdf.length);

        var download = as(Role.INTEGRATION).getForEntity("/api/disputes/" + disputeId + "/receipt", byte[].class);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getHeaders().getContentType()).hasToString("application/pdf");
        assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(download.getBody()).isEqualTo(pdf);
        assertThat(as(Role.COLLECTOR).getForEntity("/api/disputes/" + disputeId + "/receipt", String.class).getStatusCode().value())
                .isEqualTo(403);

        JsonNode api = as(Role.INTEGRATION).getForObject("/api/receivables/pref-receipt", JsonNode.class);
        assertThat(api.get("timeline").toString()).contains("with a receipt (application/pdf");
    }

    /** The page's problem message, empty when it shows none (the page's script holds the same words: not in its text). */
    private static String problemOn(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<p id=\"problem\"[^>]*>([^<]*)</p>").matcher(page);
        return m.find() ? m.group(1) : "";
    }

    /** Posts the page's dispute form ("Já paguei") with a file, as a phone's browser sends it. */
    private HttpResponse<String> dispute(Browser phone, String link, String csrf, String fileName, String type, byte[] content)
            throws Exception {
        String boundary = "----regua" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : Map.of("_csrf", csrf, "referencia", "pref-receipt",
                "motivo", "ALREADY_PAID", "detalhe", "Paguei pelo app do banco").entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"comprovante\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return phone.http.send(HttpRequest.newBuilder(phone.url(link + "/disputes"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Fires the case's timers until a message of {@code stage} is recorded: a step whose time a
     * preference moved passes once without sending (it re-plans) and once more when it sends.
     */
    private void fireTimersUntilSent(String receivable, String stage, int max) {
        for (int i = 0; i < max && channels(receivable, stage).isEmpty(); i++) {
            if (!fireNextTimer(caseOf(receivable).getId())) {
                break;
            }
        }
        assertThat(channels(receivable, stage)).as("messages of " + stage + " for " + receivable).isNotEmpty();
    }

    private List<String> channels(String receivable, String stage) {
        return jdbc.sql("select c.channel from contact c join receivable r on r.id = c.receivable_id where r.external_id = ? and c.stage = ?")
                .params(receivable, stage).query(String.class).list();
    }

    private static java.time.Instant createdAt(Map<String, Object> row) {
        Object at = row.get("created_at");
        return at instanceof OffsetDateTime o ? o.toInstant() : ((java.sql.Timestamp) at).toInstant();
    }

    private static CaseFacts facts(String state, String preferredTime, LocalDate today) {
        return CaseFacts.builder().receivableId("facts").state(state).principal(new java.math.BigDecimal("1500.00"))
                .dueDate(LocalDate.of(2026, 3, 16)).today(today).hasEmail(true).hasPhone(true).preferredTime(preferredTime).build();
    }

    private static ZonedDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(SAO_PAULO);
    }

    private String owingWithALink(String externalId) {
        owing(externalId, "111.444.777-35");
        return "/p/" + tokenIn(tokens.issue(repository.findCustomer("cust-" + externalId).orElseThrow(), 30,
                OffsetDateTime.now(clock)).orElseThrow());
    }

    private Browser confirmedPhone(String link) throws Exception {
        Browser phone = new Browser();
        HttpResponse<String> confirmed = phone.post(link + "/confirm", Map.of("digitos", "11144"), csrfOf(phone.get(link).body()));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        return phone;
    }
}
