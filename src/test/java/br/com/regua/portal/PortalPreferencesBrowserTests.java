package br.com.regua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.support.HeadlessChromium;

/**
 * The debtor's contact preference in a real headless Chromium the size of a phone (360×740): chosen
 * on the page with the radio buttons, it is the channel and the hour of the next message. The page
 * passes axe-core as the portal's other pages do; screenshots in target/portal-pages.
 * CI sets REGUA_TEST_BROWSER=true: then it must run.
 */
class PortalPreferencesBrowserTests extends PortalSpringTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    PortalTokens tokens;
    @Autowired
    ReceivableRepository repository;

    @Test
    void aDebtorWhoPrefersWhatsAppInTheEveningHearsByWhatsAppAtSixPm() throws Exception {
        assumeTrue(HeadlessChromium.available() || "true".equals(System.getenv("REGUA_TEST_BROWSER")), "no Chromium on this machine");
        Path shots = Path.of("target", "portal-pages");
        Files.createDirectories(shots);
        owing("pref-phone", "529.982.247-25");
        String link = "http://localhost:" + port + "/p/" + tokenIn(tokens.issue(repository.findCustomer("cust-pref-phone").orElseThrow(),
                30, OffsetDateTime.now(clock)).orElseThrow());

        try (HeadlessChromium browser = new HeadlessChromium()) {
            browser.send("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", 360).put("height", 740)
                    .put("deviceScaleFactor", 1).put("mobile", true));
            browser.navigate(link);
            assertThat(browser.waitFor("document.querySelector('#digitos') !== null", WAIT)).isTrue();
            PortalBrowserTests.answer(browser, "52998");
            assertThat(browser.waitFor("document.querySelector('#contact-preference') !== null", WAIT)).isTrue();
            assertThat(PortalBrowserTests.text(browser, "#contact-preference"))
                    .contains("Por onde e quando prefere falar conosco", "WhatsApp", "Noite (das 18h às 20h)", "Sem preferência");

            // as a thumb does it: tap the labels, then the button
            browser.evaluate("""
                    (() => {
                      const form = document.querySelector('#contact-preference form');
                      form.querySelector('input[name=canal][value=WHATSAPP]').closest('label').click();
                      form.querySelector('input[name=periodo][value=EVENING]').closest('label').click();
                      form.querySelector('button[type=submit]').click();
                    })()""");
            // #done comes first in the page: wait for the whole page, the choices below it too
            assertThat(browser.waitFor("document.readyState === 'complete' && document.querySelector('#done') !== null", WAIT)).isTrue();
            assertThat(PortalBrowserTests.text(browser, "#done")).contains("Preferência salva");
            assertThat(browser.evaluate("document.querySelector('input[name=canal][value=WHATSAPP]').checked").asBoolean()).isTrue();
            assertThat(browser.evaluate("document.querySelector('input[name=periodo][value=EVENING]').checked").asBoolean()).isTrue();
            assertThat(browser.evaluate("document.documentElement.scrollWidth").asInt()).isLessThanOrEqualTo(360);
            // the dispute form with its receipt field, open, so the screenshot and axe-core see it too
            browser.evaluate("document.querySelector('.debt details').open = true");
            PortalBrowserTests.page(browser, shots.resolve("preferences-1-page.png"));
            browser.evaluate("document.querySelector('#contact-preference').scrollIntoView()");
            viewport(browser, shots.resolve("preferences-2-contact-preference-on-screen.png"));
            browser.evaluate("document.querySelector('.debt details').scrollIntoView()");
            viewport(browser, shots.resolve("preferences-3-receipt-field-on-screen.png"));
        }

        // Wednesday 11 March, the pre-due reminder: at 18:00 and by WhatsApp alone, not by e-mail and SMS at 08:00
        for (int i = 0; i < 6 && sent().isEmpty(); i++) {
            fireNextTimer(caseOf("pref-phone").getId());
        }
        assertThat(sent()).containsExactly("WHATSAPP@" + ZonedDateTime.parse("2026-03-11T18:00:00-03:00").toInstant());
    }

    private List<String> sent() {
        return jdbc.sql("select c.channel, c.created_at from contact c join receivable r on r.id = c.receivable_id "
                        + "where r.external_id = 'pref-phone'")
                .query((rs, n) -> rs.getString("channel") + "@" + rs.getObject("created_at", OffsetDateTime.class).toInstant()).list();
    }

    /** What the phone's screen shows now, 360×740. */
    private static void viewport(HeadlessChromium browser, Path file) throws Exception {
        String data = browser.send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png")).get("data").asText();
        Files.write(file, java.util.Base64.getDecoder().decode(data));
    }
}
