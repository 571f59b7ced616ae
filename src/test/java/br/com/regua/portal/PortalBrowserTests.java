package br.com.regua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import br.com.regua.contact.MessageValues;
import br.com.regua.security.Role;
import br.com.regua.support.HeadlessChromium;

/**
 * The debtor portal in a real headless Chromium the size of a phone (360×740), as a debtor uses it
 * from the link in a reminder: the identity check, a wrong answer, the right one, the debt with its
 * charges and its PIX QR code (read back here with ZXing), and an installment offer accepted on the
 * page, which the API then shows as the agreement; a good payer's punctuality discount and prorrogação.
 * Screenshots of each page in target/portal-pages.
 * CI sets REGUA_TEST_BROWSER=true: then it must run.
 */
class PortalBrowserTests extends PortalSpringTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The accessibility checker run on every page (from the npm registry, into target/ on first use). */
    private static final String AXE_VERSION = "4.14.1";
    private static final Pattern PIX_IN_MESSAGE = Pattern.compile("PIX copia e cola: ([^\\r\\n]+)");

    @Test
    void aDebtorOpensTheReminderLinkOnAPhonePaysByQrCodeAndTakesAnInstallmentPlan() throws Exception {
        assumeTrue(HeadlessChromium.available() || "true".equals(System.getenv("REGUA_TEST_BROWSER")), "no Chromium on this machine");
        Path shots = Path.of("target", "portal-pages");
        Files.createDirectories(shots);

        owing("portal-phone", "529.982.247-25");
        // due on 16 March; the first friendly reminder after the grace days asks for the updated total
        List<String> emails = walkAndRead("portal-phone", "Task_SendFriendlyReminder");
        String reminder = emails.get(emails.size() - 1);
        Matcher pixInMessage = PIX_IN_MESSAGE.matcher(reminder);
        assertThat(pixInMessage.find()).as("a PIX code in the reminder").isTrue();
        String messagePix = pixInMessage.group(1);
        String link = "http://localhost:" + port + "/p/" + tokenIn(reminder);
        JsonNode api = as(Role.INTEGRATION).getForObject("/api/receivables/portal-phone", JsonNode.class);
        BigDecimal total = new BigDecimal(api.at("/charges/total").asText());
        assertThat(total).isGreaterThan(new BigDecimal("1500.00"));

        try (HeadlessChromium browser = new HeadlessChromium()) {
            browser.send("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", 360).put("height", 740)
                    .put("deviceScaleFactor", 1).put("mobile", true));
            browser.navigate(link);
            assertThat(browser.waitFor("document.querySelector('#digitos') !== null", WAIT)).isTrue();
            assertThat(text(browser, "body")).contains("Confirme a sua identidade").doesNotContain("R$", "Maria");
            assertThat(browser.evaluate("document.querySelector('label[for=digitos]').innerText").asText())
                    .contains("primeiros dígitos do seu CPF ou CNPJ");
            page(browser, shots.resolve("1-identity-check.png"));

            answer(browser, "12345");
            assertThat(browser.waitFor("document.querySelector('#wrong') !== null", WAIT)).isTrue();
            assertThat(text(browser, "body")).contains("Os dígitos não conferem").doesNotContain("R$", "Maria", "Mensalidade");
            page(browser, shots.resolve("2-wrong-digits.png"));

            answer(browser, "52998");
            assertThat(browser.waitFor("document.querySelector('#total') !== null", WAIT)).isTrue();
            assertThat(text(browser, "#total")).isEqualTo(MessageValues.brl(total));
            assertThat(text(browser, ".debt")).contains("Mensalidade de março", "16/03/2026", "R$ 1.500,00",
                    MessageValues.brl(new BigDecimal(api.at("/charges/fine").asText())),
                    MessageValues.brl(new BigDecimal(api.at("/charges/interest").asText())), "Em atraso há");
            // the page is laid out for the phone: nothing wider than the screen
            assertThat(browser.evaluate("document.documentElement.scrollWidth").asInt()).isLessThanOrEqualTo(360);

            // the QR image on the page reads back as the very code the reminder carried, and the copy field holds it too
            String image = browser.evaluate("document.querySelector('.debt img.qr').src").asText();
            assertThat(decodeQr(image)).isEqualTo(messagePix);
            assertThat(browser.evaluate("document.querySelector('.debt textarea.code').value").asText()).isEqualTo(messagePix);
            assertThat(browser.evaluate("document.querySelector('.debt button.copy').innerText").asText()).isEqualTo("Copiar código PIX");
            page(browser, shots.resolve("3-what-is-owed.png"));

            // the installment plan with the most installments the rules allow today
            int installments = browser.evaluate("Math.max(...[...document.querySelectorAll('.offer[data-kind=INSTALLMENTS]')]"
                    + ".map(o => +o.dataset.installments))").asInt();
            assertThat(installments).isGreaterThan(1);
            browser.evaluate("document.querySelector('.offer[data-installments=\"" + installments + "\"] button[type=submit]').click()");
            // #done comes first in the page: wait for the whole page, what is below it too
            assertThat(browser.waitFor("document.readyState === 'complete' && document.querySelector('#done') !== null", WAIT)).isTrue();
            assertThat(text(browser, "#done")).contains("Acordo feito");
            page(browser, shots.resolve("4-agreement.png"));

            // the API shows the agreement the page made, installment by installment with the same PIX codes
            String agreementId = browser.evaluate("document.querySelector('section.agreement').dataset.agreement").asText();
            JsonNode agreement = as(Role.INTEGRATION).getForObject("/api/agreements/" + agreementId, JsonNode.class);
            assertThat(agreement.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(agreement.get("customerExternalId").asText()).isEqualTo("cust-portal-phone");
            assertThat(agreement.get("installments")).hasSize(installments);
            // what is owed now is the agreement's total, no longer the debt's charges
            assertThat(text(browser, "#total")).isEqualTo(MessageValues.brl(new BigDecimal(agreement.get("total").asText())));
            JsonNode onPage = browser.evaluate("[...document.querySelectorAll('section.agreement .installment textarea.code')]"
                    + ".map(t => t.value)");
            for (int i = 0; i < installments; i++) {
                assertThat(onPage.get(i).asText()).isEqualTo(agreement.get("installments").get(i).get("pixCopiaECola").asText());
            }
            String firstQr = browser.evaluate("document.querySelector('section.agreement .installment img.qr').src").asText();
            assertThat(decodeQr(firstQr)).isEqualTo(agreement.get("installments").get(0).get("pixCopiaECola").asText());
            assertThat(as(Role.INTEGRATION).getForObject("/api/receivables/portal-phone", JsonNode.class).get("status").asText())
                    .isEqualTo("IN_AGREEMENT");

            // the tips the reminders link to, from the page's own link
            browser.evaluate("document.querySelector('a[href=\"/dicas\"]').click()");
            assertThat(browser.waitFor("location.pathname === '/dicas' && document.querySelector('h1') !== null", WAIT)).isTrue();
            assertThat(text(browser, "h1")).isEqualTo("Dicas para organizar as suas contas");
            page(browser, shots.resolve("5-tips.png"));
        }
    }

    /**
     * A good payer (three debts paid on time) opens the link of the reminder before the due date: the
     * page shows the punctuality discount and the PIX code asks for the discounted amount; the
     * prorrogação is among the offers with its total and new date, and accepting it on the page makes
     * the one-installment agreement the API shows.
     */
    @Test
    void aGoodPayerSeesThePunctualityDiscountAndMovesTheDueDateOnAPhone() throws Exception {
        assumeTrue(HeadlessChromium.available() || "true".equals(System.getenv("REGUA_TEST_BROWSER")), "no Chromium on this machine");
        Path shots = Path.of("target", "portal-pages");
        Files.createDirectories(shots);

        owing("portal-extension", "123.456.789-09");
        jdbc.sql("update customer set paid_on_time = 3 where external_id = ?").param("cust-portal-extension").update();
        // the case was planned for a new customer: it walks to the good payer's pre-due reminder
        String caseId = caseOf("portal-extension").getId();
        for (int i = 0; i < 6 && preDueReminder("portal-extension").isEmpty() && fireNextTimer(caseId); i++) {
            // one timer at a time
        }
        // the reminder as the outbox keeps it (its delivery is another test's business)
        String reminder = preDueReminder("portal-extension").orElseThrow();
        // 5% off the principal for a good payer paying by 16 March
        assertThat(reminder).contains("Desconto de pontualidade", "R$ 1.425,00");
        String link = "http://localhost:" + port + "/p/" + tokenIn(reminder);

        try (HeadlessChromium browser = new HeadlessChromium()) {
            browser.send("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", 360).put("height", 740)
                    .put("deviceScaleFactor", 1).put("mobile", true));
            browser.navigate(link);
            assertThat(browser.waitFor("document.querySelector('#digitos') !== null", WAIT)).isTrue();
            answer(browser, "12345");
            assertThat(browser.waitFor("document.querySelector('#total') !== null", WAIT)).isTrue();

            assertThat(text(browser, ".debt .punctuality")).contains("Desconto de pontualidade", "16/03/2026", "R$ 1.425,00",
                    "R$ 1.500,00", "R$ 75,00");
            String pix = browser.evaluate("document.querySelector('.debt textarea.code').value").asText();
            assertThat(pix).contains("54071425.00"); // the PIX amount field: the discounted amount
            assertThat(decodeQr(browser.evaluate("document.querySelector('.debt img.qr').src").asText())).isEqualTo(pix);
            assertThat(browser.evaluate("document.documentElement.scrollWidth").asInt()).isLessThanOrEqualTo(360);

            // the prorrogação: 15 days for a good payer owing less than R$ 5.000,00, from 16 to 31 March
            assertThat(text(browser, ".offer[data-kind=EXTENSION]")).contains("Prorrogação", "R$ 1.500,00", "31/03/2026");
            page(browser, shots.resolve("8-punctuality-and-extension.png"));

            // a receipt of 6 MB chosen for "Já paguei": the page refuses it before anything is sent, in Portuguese
            String chooseReceipt = "(() => { const input = document.querySelector('.debt form.dispute input[name=comprovante]');"
                    + " const files = new DataTransfer(); files.items.add(new File([new Uint8Array(%d)], 'extrato.pdf', {type: 'application/pdf'}));"
                    + " input.files = files.files; input.dispatchEvent(new Event('change'));"
                    + " return input.validationMessage + '|' + input.form.checkValidity(); })()";
            assertThat(browser.evaluate(String.format(chooseReceipt, 6 * 1024 * 1024)).asText())
                    .startsWith("O arquivo é maior que 5 MB").endsWith("|false");
            // one of 100 KB may go (with a reason chosen)
            browser.evaluate("document.querySelector('.debt form.dispute input[value=ALREADY_PAID]').checked = true");
            assertThat(browser.evaluate(String.format(chooseReceipt, 100 * 1024)).asText()).isEqualTo("|true");
            browser.evaluate("document.querySelector('.debt form.dispute').reset()");
            browser.evaluate("document.querySelector('.offer[data-kind=EXTENSION] button[type=submit]').click()");
            // #done comes first in the page: wait for the whole page, what is below it too
            assertThat(browser.waitFor("document.readyState === 'complete' && document.querySelector('#done') !== null", WAIT)).isTrue();
            assertThat(text(browser, "#done")).contains("Prorrogação confirmada", "31/03/2026");
            page(browser, shots.resolve("9-extension-accepted.png"));

            String agreementId = browser.evaluate("document.querySelector('section.agreement').dataset.agreement").asText();
            JsonNode agreement = as(Role.INTEGRATION).getForObject("/api/agreements/" + agreementId, JsonNode.class);
            assertThat(agreement.get("kind").asText()).isEqualTo("EXTENSION");
            assertThat(agreement.get("installments")).hasSize(1);
            assertThat(agreement.at("/installments/0/dueDate").asText()).isEqualTo("2026-03-31");
            assertThat(agreement.at("/installments/0/amount").asText()).isEqualTo("1500.00");
            assertThat(text(browser, "section.agreement")).contains("Sua prorrogação", "31/03/2026", "R$ 1.500,00");
            // once extended, the receivable is offered no second prorrogação
            assertThat(browser.evaluate("document.querySelectorAll('.offer[data-kind=EXTENSION]').length").asInt()).isZero();
        }
    }

    private java.util.Optional<String> preDueReminder(String externalId) {
        return jdbc.sql("""
                select c.body from contact c join receivable r on r.id = c.receivable_id
                where r.external_id = ? and c.stage = 'PRE_DUE_REMINDER' and c.channel = 'EMAIL'""")
                .param(externalId).query(String.class).optional();
    }

    static void answer(HeadlessChromium browser, String digits) throws Exception {
        browser.evaluate("""
                (() => {
                  const field = document.querySelector('#digitos');
                  field.value = %s;
                  field.form.querySelector('button[type=submit]').click();
                })()""".formatted(JSON.writeValueAsString(digits)));
        // the next page has replaced this one when its field is empty again (or gone)
        browser.waitFor("document.readyState === 'complete' && (document.querySelector('#digitos') === null"
                + " || document.querySelector('#digitos').value === '')", WAIT);
    }

    /**
     * The whole page, as tall as it is, at the phone's width, after axe-core found nothing against
     * WCAG 2.1 A and AA on it (labels, contrast, names of buttons and images, headings, language).
     */
    static void page(HeadlessChromium browser, Path file) throws Exception {
        browser.evaluate(axe());
        JsonNode violations = browser.evaluate("""
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', ')))""");
        assertThat(violations.isArray()).as("axe-core ran on " + file.getFileName()).isTrue();
        assertThat(violations).as("accessibility violations on " + file.getFileName()).isEmpty();
        int height = browser.evaluate("document.documentElement.scrollHeight").asInt();
        ObjectNode clip = JSON.createObjectNode().put("x", 0).put("y", 0).put("width", 360).put("height", height).put("scale", 1);
        ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        String data = browser.send("Page.captureScreenshot", params).get("data").asText();
        Files.write(file, Base64.getDecoder().decode(data));
    }

    private static String axeScript;

    /** axe-core's script, installed with npm into target/axe the first time. */
    private static synchronized String axe() throws Exception {
        if (axeScript == null) {
            Path dir = Path.of("target", "axe");
            Path script = dir.resolve("node_modules/axe-core/axe.min.js");
            if (!Files.isRegularFile(script)) {
                Files.createDirectories(dir);
                Path log = dir.resolve("npm.log");
                // never the test JVM's own streams: its standard input and output carry the test runner's
                // messages, and a child reading or writing them corrupts the run
                Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", dir.toString(),
                        "axe-core@" + AXE_VERSION).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                npm.getOutputStream().close();
                assertThat(npm.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) && npm.exitValue() == 0)
                        .as("npm installed axe-core " + AXE_VERSION + " (see " + log + ")").isTrue();
            }
            axeScript = Files.readString(script);
        }
        return axeScript;
    }

    private static String decodeQr(String dataUri) throws Exception {
        assertThat(dataUri).startsWith("data:image/png;base64,");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1))));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(),
                pixels)))).getText();
    }

    static String text(HeadlessChromium browser, String selector) throws Exception {
        return browser.evaluate("document.querySelector(\"" + selector + "\").innerText").asText().replace('\u00a0', ' ');
    }
}
