package br.com.regua.integration.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.support.HeadlessChromium;
import br.com.regua.support.ReguaSpringTests;

/**
 * A credit manager opens the two agency tables on the policy page and reads them as a grid: which
 * agency takes which debts, and the commission by days overdue. Screenshots in target/agency-tables.
 */
class AgencyTablesBrowserTests extends ReguaSpringTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCreditManagerReadsWhichAgencyTakesWhichDebtsAndTheCommissionByAge() throws Exception {
        assumeTrue(HeadlessChromium.available() || "true".equals(System.getenv("REGUA_TEST_BROWSER")), "no Chromium on this machine");
        Path shots = Path.of("target", "agency-tables");
        try (HeadlessChromium browser = new HeadlessChromium()) {
            assertThat(browser.signIn(anonymous().getRootUri() + "/policy", "manager", "manager")).isTrue();

            open(browser, "agencies.drl.csv");
            String agencies = grid(browser);
            assertThat(agencies).contains("Agency").contains("Share of the debts").contains("alfa").contains("beta");
            browser.screenshot(shots.resolve("agencies.png"));

            open(browser, "agency-commission.drl.csv");
            String commission = grid(browser);
            assertThat(commission).contains("Commission on what the agency recovers").contains("Days overdue from").contains("10");
            browser.screenshot(shots.resolve("agency-commission.png"));
        }
    }

    private static void open(HeadlessChromium browser, String file) throws Exception {
        String item = "#files li[data-file=\"" + file + "\"]";
        assertThat(browser.waitFor("document.querySelector(" + JSON.writeValueAsString(item) + ") !== null", WAIT)).as(file).isTrue();
        browser.evaluate("document.querySelector(" + JSON.writeValueAsString(item) + ").click()");
        String header = file.startsWith("agencies") ? "Share of the debts" : "Commission on what the agency recovers";
        assertThat(browser.waitFor("document.querySelector('#grid [data-cell=\"tables[0].rows[0].cells[1]\"]') !== null"
                + " && document.querySelector('#grid').innerText.includes('" + header + "')", WAIT)).as("the grid of " + file).isTrue();
    }

    private static String grid(HeadlessChromium browser) throws Exception {
        // the cells are inputs: their values with the headers' text
        return browser.evaluate("document.querySelector('#grid').innerText + ' ' + Array.from(document.querySelectorAll('#grid input, #grid select'))"
                + ".map(i => i.value).join(' ')").asText();
    }
}
