package br.com.regua.integration.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
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
            // what decides who takes a debt is on screen without scrolling sideways, and each rule's name whole
            assertThat(outOfSight(browser, "Rule", "Customer type", "Balance from (R$)", "Agency", "Share of the debts")).isEmpty();

            open(browser, "agency-commission.drl.csv");
            String commission = grid(browser);
            assertThat(commission).contains("Commission on what the agency recovers").contains("Days overdue from").contains("10");
            browser.screenshot(shots.resolve("agency-commission.png"));
            assertThat(outOfSight(browser, "Rule", "Days overdue from", "Days overdue to", "Commission on what the agency recovers")).isEmpty();
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
        return browser.evaluate("document.querySelector('#grid').innerText + ' ' + Array.from(document.querySelectorAll("
                + "'#grid input, #grid select, #grid textarea')).map(i => i.value).join(' ')").asText();
    }

    /**
     * Of the given columns, those whose header ends beyond the grid's visible width (only a sideways
     * scroll shows them), and the rule names whose text does not fit their box.
     */
    private static List<String> outOfSight(HeadlessChromium browser, String... columns) throws Exception {
        JsonNode hidden = browser.evaluate("(() => { const scroll = document.querySelector('#grid .scroll');"
                + " const edge = scroll.getBoundingClientRect().right; const wanted = " + JSON.writeValueAsString(columns) + ";"
                + " const heads = [...scroll.querySelectorAll('thead th')].map(th => [th.firstChild ? th.firstChild.textContent.trim() : '', th]);"
                + " const cut = wanted.filter(w => { const h = heads.find(([name]) => name === w); return !h || h[1].getBoundingClientRect().right > edge + 1; });"
                + " const rules = [...scroll.querySelectorAll('textarea')].filter(a => a.scrollHeight > a.clientHeight + 1).map(a => 'rule: ' + a.value);"
                + " return cut.concat(rules); })()");
        List<String> out = new java.util.ArrayList<>();
        hidden.forEach(n -> out.add(n.asText()));
        return out;
    }
}
