package br.com.regua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import br.com.regua.pix.PixPayload;
import br.com.regua.receivable.NonPaymentReason;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.schedule.CaseSnapshots;
import br.com.regua.security.AuditLog;
import br.com.regua.security.Role;

/**
 * The debtor portal over HTTP as a phone's browser uses it: the personal link from a real e-mail,
 * the identity check, what shows and what never does, the links that open nothing, and what the
 * debtor does there landing where the API's own calls land.
 */
class PortalTests extends PortalSpringTests {

    private static final String MARIA = "529.982.247-25";
    private static final String NEUTRAL = "Este link não está disponível";

    @Autowired
    PortalTokens tokens;
    @Autowired
    ReceivableRepository repository;
    @Autowired
    AuditLog audit;
    @Autowired
    CaseSnapshots snapshots;
    @Autowired
    br.com.regua.settings.ReguaProperties settings;

    @Test
    void theLinkInTheReminderOpensThePageOnlyForTheRightDigits() throws Exception {
        owing("portal-mail", MARIA);
        // Wednesday 11 March, 08:00: the pre-due reminder (a new customer: five days before)
        List<String> emails = walkAndRead("portal-mail", "Task_SendPreDueReminder");
        assertThat(emails).hasSize(1);
        String email = emails.get(0);
        assertThat(email).contains("No seu link pessoal, veja os valores, pague ou negocie: " + BASE + "/p/",
                "Preparamos um guia rápido: " + BASE + "/dicas");
        String token = tokenIn(email);
        // opaque: 128 random bits in 22 URL-safe characters, no CPF, e-mail or id in it
        assertThat(token).hasSize(22).doesNotContain("52998", "portal", "maria");
        String link = "/p/" + token;
        // it opens for the days the policy says (the tests' policy: 20)
        assertThat(jdbc.sql("select expires_at from portal_link where token_hash = ?").param(PortalTokens.hash(token))
                .query(OffsetDateTime.class).single().toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-03-11T08:00:00-03:00").plusDays(20).toInstant());

        Browser phone = new Browser();
        HttpResponse<String> first = phone.get(link);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Confirme a sua identidade", "5</span> primeiros dígitos do seu CPF ou CNPJ")
                .doesNotContain("Maria", "1.500", "Mensalidade", "portal-mail");
        assertPrivate(first);

        // a form posted without the page's CSRF token is refused, and counts as nothing
        assertThat(phone.post(link + "/confirm", Map.of("digitos", "52998"), null).statusCode()).isEqualTo(403);

        HttpResponse<String> wrong = phone.post(link + "/confirm", Map.of("digitos", "12345"), csrfOf(first.body()));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Os dígitos não conferem", "restam <span>4</span> tentativas")
                .doesNotContain("Maria", "1.500", "Mensalidade", "portal-mail");
        assertPrivate(wrong);
        assertThat(phone.get(link).body()).as("a wrong answer opens nothing").doesNotContain("1.500");

        HttpResponse<String> right = phone.post(link + "/confirm", Map.of("digitos", "529.98"), csrfOf(wrong.body()));
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(right.headers().firstValue("Location").orElseThrow()).endsWith(link);

        HttpResponse<String> page = phone.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertPrivate(page);
        // the same figures as the API, on the same day: before the due date the total is the principal
        JsonNode api = as(Role.INTEGRATION).getForObject("/api/receivables/portal-mail", JsonNode.class);
        assertThat(new java.math.BigDecimal(api.at("/charges/total").asText())).isEqualByComparingTo("1500.00");
        assertThat(page.body()).contains("Olá, <span>Maria da Silva</span>", "Mensalidade de março", "16/03/2026",
                "R$ 1.500,00", "R$ 0,00", "A vencer · lembrete de vencimento enviado", "Escola Aurora Ltda", "14.572.457/0001-85",
                "Propostas para regularizar", "Aceitar esta proposta");
        // the PIX code on the page is the one the e-mail carried
        String pix = PixPayload.of("14572457000185", "Escola Aurora Ltda", "Campinas", new java.math.BigDecimal("1500.00"),
                PixPayload.txidOf("portal-mail"));
        assertThat(email).contains("PIX copia e cola: " + pix);
        assertThat(page.body()).contains(pix, "data:image/png;base64,");

        // on the case's timeline and in the audit log
        JsonNode timeline = as(Role.INTEGRATION).getForObject("/api/receivables/portal-mail", JsonNode.class).get("timeline");
        assertThat(timeline.findValuesAsText("type")).contains("DEBTOR");
        // the staff see that the message carried a personal link, never the link itself
        assertThat(timeline.toString()).contains(BASE + "/p/…").doesNotContain(token);
        assertThat(audit.read(new AuditLog.Query("debtor cust-portal-mail", "portal", null, null, 10)))
                .extracting(AuditLog.Event::action).contains("PORTAL identity confirmed");
        assertThat(audit.read(new AuditLog.Query(null, "identity check failed", null, null, 50)))
                .extracting(AuditLog.Event::detail).contains("link of customer cust-portal-mail");
    }

    @Test
    void anotherCustomersTamperedExpiredRevokedAndUnknownLinksShowTheSameNeutralPage() throws Exception {
        owing("portal-ana", "111.444.777-35");
        owing("portal-bia", "123.456.789-09");
        OffsetDateTime now = OffsetDateTime.now(clock);
        String ana = token(tokens.issue(repository.findCustomer("cust-portal-ana").orElseThrow(), 30, now).orElseThrow());
        String bia = token(tokens.issue(repository.findCustomer("cust-portal-bia").orElseThrow(), 30, now).orElseThrow());
        String shortLived = token(tokens.issue(repository.findCustomer("cust-portal-bia").orElseThrow(), 1, now).orElseThrow());

        Browser phone = new Browser();
        HttpResponse<String> form = phone.get("/p/" + ana);
        assertThat(phone.post("/p/" + ana + "/confirm", Map.of("digitos", "11144"), csrfOf(form.body())).statusCode()).isEqualTo(302);
        assertThat(phone.get("/p/" + ana).body()).contains("Mensalidade de março", "R$ 1.500,00");

        // Ana's confirmed session opens Bia's link only as far as Bia's identity check, and Ana's own answer fails there
        HttpResponse<String> other = phone.get("/p/" + bia);
        assertThat(other.body()).contains("Confirme a sua identidade").doesNotContain("1.500", "Maria");
        HttpResponse<String> anaAnswer = phone.post("/p/" + bia + "/confirm", Map.of("digitos", "11144"), csrfOf(other.body()));
        assertThat(anaAnswer.statusCode()).isEqualTo(401);
        assertThat(anaAnswer.body()).doesNotContain("1.500", "Maria");

        String tampered = ana.substring(0, 21) + (ana.endsWith("A") ? "B" : "A");
        HttpResponse<String> unknown = phone.get("/p/AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains(NEUTRAL).doesNotContain("1.500", "Maria", "Confirme");
        assertPrivate(unknown);
        for (String path : List.of("/p/" + tampered, "/p/" + ana + "x", "/p/not-a-token", "/p/" + tampered + "/confirm")) {
            HttpResponse<String> r = path.endsWith("/confirm") ? phone.post(path, Map.of("digitos", "11144"), csrfOf(form.body()))
                    : phone.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).isEqualTo(unknown.body());
        }

        // two days later the one-day link has expired; the 30-day one still opens
        setClock("2026-03-04T10:00:00-03:00");
        assertThat(phone.get("/p/" + shortLived).body()).isEqualTo(unknown.body());
        assertThat(phone.get("/p/" + bia).statusCode()).isEqualTo(200);

        // Ana pays all she owes: her case ends and her link opens nothing any more
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        assertThat(as(Role.INTEGRATION).postForEntity("/api/payments", new HttpEntity<>("""
                {"externalId": "pay-portal-ana", "receivableExternalId": "portal-ana", "amount": "1500.00", "method": "PIX",
                 "paidAt": "2026-03-04T09:00:00-03:00"}""", json), JsonNode.class).getStatusCode().is2xxSuccessful()).isTrue();
        HttpResponse<String> revoked = phone.get("/p/" + ana);
        assertThat(revoked.statusCode()).isEqualTo(404);
        assertThat(revoked.body()).isEqualTo(unknown.body());
        assertThat(jdbc.sql("select count(*) from portal_link l join customer c on c.id = l.customer_id "
                + "where c.external_id = 'cust-portal-ana' and l.revoked_at is null").query(Long.class).single()).isZero();
    }

    @Test
    void wrongAnswersAreLimitedPerLinkAndSlowed() throws Exception {
        owing("portal-guess", "111.444.777-35");
        String token = token(tokens.issue(repository.findCustomer("cust-portal-guess").orElseThrow(), 30, OffsetDateTime.now(clock))
                .orElseThrow());
        String link = "/p/" + token;
        Browser guesser = new Browser();
        String csrf = csrfOf(guesser.get(link).body());
        long[] took = new long[5];
        HttpResponse<String> last = null;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            last = guesser.post(link + "/confirm", Map.of("digitos", "0000" + i), csrf);
            took[i] = (System.nanoTime() - start) / 1_000_000;
            assertThat(last.body()).doesNotContain("1.500", "Maria");
        }
        // each wrong answer waits longer than the one before (0.1 s more each, in these tests)
        assertThat(took[2]).isGreaterThanOrEqualTo(300);
        assertThat(took[4]).isGreaterThanOrEqualTo(500);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.body()).contains("bloqueado por", "60</span> minutos").doesNotContain("name=\"digitos\"");

        // locked: even the right answer, from another browser, opens nothing for the hour
        Browser owner = new Browser();
        HttpResponse<String> locked = owner.post(link + "/confirm", Map.of("digitos", "11144"), csrfOf(owner.get(link).body()));
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(owner.get(link).body()).doesNotContain("1.500");

        clock.moveTo(clock.instant().plusSeconds(3601));
        HttpResponse<String> later = owner.post(link + "/confirm", Map.of("digitos", "11144"), csrfOf(owner.get(link).body()));
        assertThat(later.statusCode()).isEqualTo(302);
        assertThat(owner.get(link).body()).contains("R$ 1.500,00");
    }

    @Test
    void alreadyPaidOpensADisputeThatPausesTheScheduleAsTheApiDoes() throws Exception {
        owing("portal-paid", "111.444.777-35");
        String link = "/p/" + token(tokens.issue(repository.findCustomer("cust-portal-paid").orElseThrow(), 30,
                OffsetDateTime.now(clock)).orElseThrow());
        Browser phone = new Browser();
        HttpResponse<String> form = phone.get(link);
        phone.post(link + "/confirm", Map.of("digitos", "11144"), csrfOf(form.body()));
        HttpResponse<String> page = phone.get(link);

        HttpResponse<String> sent = phone.post(link + "/disputes", Map.of("referencia", "portal-paid", "motivo", "ALREADY_PAID",
                "detalhe", "Paguei no dia 1º pelo app do banco"), csrfOf(page.body()));
        assertThat(sent.statusCode()).isEqualTo(302);
        HttpResponse<String> after = phone.get(link);
        assertThat(after.body()).contains("Recebemos a sua mensagem (Já paguei)", "Em análise: recebemos a sua contestação");

        JsonNode api = as(Role.INTEGRATION).getForObject("/api/receivables/portal-paid", JsonNode.class);
        assertThat(api.get("status").asText()).isEqualTo("DISPUTED");
        assertThat(api.get("timeline").toString()).contains("Já paguei", "DEBTOR");
        assertThat(audit.read(new AuditLog.Query("debtor cust-portal-paid", "dispute", null, null, 10))).hasSize(1);

        // another customer's receivable cannot be disputed from this page
        owing("portal-not-hers", "123.456.789-09");
        phone.post(link + "/disputes", Map.of("referencia", "portal-not-hers", "motivo", "NOT_RECOGNIZED"), csrfOf(page.body()));
        assertThat(as(Role.INTEGRATION).getForObject("/api/receivables/portal-not-hers", JsonNode.class).get("status").asText())
                .isEqualTo("OPEN");
    }

    @Test
    void aPaidReceivableComesWithItsDeclaracaoDeQuitacaoForItsDebtorOnly() throws Exception {
        owing("portal-q-paid", "cust-portal-q", MARIA);
        owing("portal-q-open", "cust-portal-q", MARIA);
        owing("portal-q-other", "111.444.777-35");
        setClock("2026-03-05T10:00:00-03:00");
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        for (String paid : List.of("portal-q-paid", "portal-q-other")) {
            assertThat(as(Role.INTEGRATION).postForEntity("/api/payments", new HttpEntity<>("""
                    {"externalId": "pay-%1$s", "receivableExternalId": "%1$s", "amount": "1500.00", "method": "PIX",
                     "paidAt": "2026-03-05T09:00:00-03:00"}""".formatted(paid), json), JsonNode.class)
                    .getStatusCode().is2xxSuccessful()).isTrue();
        }
        String link = "/p/" + token(tokens.issue(repository.findCustomer("cust-portal-q").orElseThrow(), 30,
                OffsetDateTime.now(clock)).orElseThrow());
        Browser phone = new Browser();
        // before the identity check the declaration is not given: back to the check
        HttpResponse<String> early = phone.get(link + "/quitacao/portal-q-paid");
        assertThat(early.statusCode()).isEqualTo(302);
        phone.post(link + "/confirm", Map.of("digitos", "52998"), csrfOf(phone.get(link).body()));

        String page = phone.get(link).body();
        assertThat(page).contains("Já pagos", "declaração de quitação (PDF)", link + "/quitacao/portal-q-paid")
                .doesNotContain("/quitacao/portal-q-open");
        HttpResponse<byte[]> pdf = phone.http.send(java.net.http.HttpRequest.newBuilder(phone.url(link + "/quitacao/portal-q-paid"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment", "declaracao-de-quitacao-portal-q-paid.pdf");
        assertThat(pdf.headers().firstValue("X-Robots-Tag").orElse("")).contains("noindex");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            // kept beside the portal's screenshots, to be looked at as the debtor will
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "portal-pages"));
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 72),
                    "png", java.nio.file.Path.of("target", "portal-pages", "6-declaracao-de-quitacao.png").toFile());
            assertThat(text).contains("DECLARAÇÃO DE QUITAÇÃO", "Maria da Silva", "529.982.247-25", "quitou integralmente",
                    "Mensalidade de março (referência portal-q-paid)", "16/03/2026", "R$ 1.500,00", "pago em 05/03/2026",
                    settings.creditor().name(), settings.creditor().document(), settings.creditor().address());
        }
        // an open receivable of hers, another customer's paid one, and an unknown one: the neutral page
        for (String other : List.of("portal-q-open", "portal-q-other", "nothing-here")) {
            HttpResponse<String> refused = phone.get(link + "/quitacao/" + other);
            assertThat(refused.statusCode()).as(other).isEqualTo(404);
            assertThat(refused.body()).as(other).contains(NEUTRAL);
        }
        assertThat(audit.read(new AuditLog.Query("debtor cust-portal-q", "quitação", null, null, 10))).hasSize(1);
        assertThat(as(Role.INTEGRATION).getForObject("/api/receivables/portal-q-paid", JsonNode.class).get("timeline").toString())
                .contains("declaração de quitação");
    }

    @Test
    void theTipsPageShowsTheFileTheBusinessEditsAsItIsNow() throws Exception {
        String original = java.nio.file.Files.readString(TIPS_FILE);
        try {
            HttpResponse<String> tips = new Browser().get("/dicas");
            assertThat(tips.statusCode()).isEqualTo(200);
            assertThat(tips.body()).contains("<h1>Dicas para organizar as suas contas</h1>", "<h2>Pague primeiro o que é essencial</h2>",
                    "<li>Moradia, água, luz, alimentação, saúde e educação vêm antes de tudo.</li>")
                    .doesNotContain("endereço pessoal");

            java.nio.file.Files.writeString(TIPS_FILE, """
                    Dicas da Escola Aurora

                    Antes de tudo, obrigado por estudar conosco.

                    Material escolar
                    - Reaproveite o que sobrou do ano passado.
                    - Compre em grupo com outras famílias: <b>sai mais barato</b>.
                    """);
            HttpResponse<String> edited = new Browser().get("/dicas");
            assertThat(edited.body()).contains("<h1>Dicas da Escola Aurora</h1>", "<p>Antes de tudo, obrigado por estudar conosco.</p>",
                    "<h2>Material escolar</h2>", "<li>Reaproveite o que sobrou do ano passado.</li>",
                    // the file's text is text: markup in it is shown, never run
                    "&lt;b&gt;sai mais barato&lt;/b&gt;")
                    .doesNotContain("Moradia");
        } finally {
            java.nio.file.Files.writeString(TIPS_FILE, original);
        }
    }

    @Test
    void aChannelRefusedOnThePageIsLeftOutOfTheNextMessage() throws Exception {
        String link = owingWithALink("portal-pref");
        Browser phone = confirmedPhone(link);
        String page = phone.get(link).body();
        assertThat(page).contains("Como prefere receber nossas mensagens", "value=\"SMS\"");

        HttpResponse<String> saved = phone.post(link + "/preferences", Map.of("recusar", "SMS"), csrfOf(page));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(phone.get(link).body()).contains("Preferências salvas");
        JsonNode optOuts = as(Role.INTEGRATION).getForObject("/api/customers/cust-portal-pref/opt-outs", JsonNode.class);
        assertThat(optOuts.get("optedOut").toString()).isEqualTo("[\"SMS\"]");

        // Wednesday 11 March: the pre-due reminder goes by every channel the rules chose, but SMS
        fireTimersUntilPassed(caseOf("portal-pref").getId(), "Task_SendPreDueReminder", 6);
        List<String> channels = jdbc.sql("select c.channel from contact c join receivable r on r.id = c.receivable_id "
                + "where r.external_id = 'portal-pref'").query(String.class).list();
        assertThat(channels).isNotEmpty().doesNotContain("SMS").contains("EMAIL");

        JsonNode api = as(Role.INTEGRATION).getForObject("/api/receivables/portal-pref", JsonNode.class);
        assertThat(api.get("timeline").toString()).contains("contact preferences", "refused SMS");
        assertThat(audit.read(new AuditLog.Query("debtor cust-portal-pref", "preferences", null, null, 10))).hasSize(1);
    }

    @Test
    void whyTheDebtorCouldNotPayIsKeptForTheRulesInTheTimelineAndTheAuditLog() throws Exception {
        String link = owingWithALink("portal-why");
        Browser phone = confirmedPhone(link);
        String page = phone.get(link).body();
        assertThat(page).contains("Por que não foi possível pagar?", "Estou insatisfeito com o produto ou serviço");

        assertThat(phone.post(link + "/reason", Map.of("motivo", "WHATEVER"), csrfOf(page)).statusCode()).isEqualTo(302);
        assertThat(phone.get(link).body()).contains("Escolha um dos motivos da lista");
        assertThat(repository.findCustomer("cust-portal-why").orElseThrow().nonPaymentReason()).isNull();

        HttpResponse<String> told = phone.post(link + "/reason", Map.of("motivo", "UNHAPPY"), csrfOf(page));
        assertThat(told.statusCode()).isEqualTo(302);
        assertThat(phone.get(link).body()).contains("Obrigado por nos contar", "value=\"UNHAPPY\" selected");
        var customer = repository.findCustomer("cust-portal-why").orElseThrow();
        assertThat(customer.nonPaymentReason()).isEqualTo(NonPaymentReason.UNHAPPY);
        // the rules see it among the case's facts
        var receivable = repository.findByExternalId("portal-why").orElseThrow();
        assertThat(snapshots.of(receivable, customer, java.time.LocalDate.now(clock)).getNonPaymentReason()).isEqualTo("UNHAPPY");

        JsonNode api = as(Role.INTEGRATION).getForObject("/api/receivables/portal-why", JsonNode.class);
        assertThat(api.get("timeline").toString()).contains("why they could not pay: UNHAPPY");
        assertThat(audit.read(new AuditLog.Query("debtor cust-portal-why", "non-payment reason", null, null, 10))).hasSize(1);
    }

    /** A receivable of the customer whose CPF starts 111.44, and a new link of theirs. */
    private String owingWithALink(String externalId) {
        owing(externalId, "111.444.777-35");
        return "/p/" + token(tokens.issue(repository.findCustomer("cust-" + externalId).orElseThrow(), 30,
                OffsetDateTime.now(clock)).orElseThrow());
    }

    /** A phone that has opened {@code link} and confirmed the debtor's first digits. */
    private Browser confirmedPhone(String link) throws Exception {
        Browser phone = new Browser();
        HttpResponse<String> confirmed = phone.post(link + "/confirm", Map.of("digitos", "11144"), csrfOf(phone.get(link).body()));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        return phone;
    }

    private static void assertPrivate(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("X-Robots-Tag").orElse("")).contains("noindex");
        assertThat(r.headers().allValues("Cache-Control").toString()).contains("no-store");
        assertThat(r.headers().firstValue("Referrer-Policy").orElse("")).isEqualTo("no-referrer");
        assertThat(r.body()).contains("<meta name=\"robots\" content=\"noindex");
    }

    private static String token(String link) {
        return tokenIn(link);
    }
}
