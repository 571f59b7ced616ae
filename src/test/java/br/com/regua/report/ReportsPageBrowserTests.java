package br.com.regua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import br.com.regua.support.HeadlessChromium;

/**
 * The reports page in a real headless Chromium, as an analyst opens it: the aging drawn by
 * Chart.js and the same figures in the tables, then the aging of a date in the past, then the
 * recovery of February by stage in a chart, with its lines and outcomes. Screenshots
 * in target/reports-page. CI sets REGUA_TEST_BROWSER=true: then it must run.
 */
class ReportsPageBrowserTests extends ReportSpringTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @BeforeEach
    void theHandWorkedPortfolioOnTuesdayMarch10() {
        ReportPortfolio.register(this);
        setClock("2026-03-10T10:00:00-03:00");
    }

    @Test
    void anAnalystSeesTheAgingAsABarChartAndATableAndPicksADateInThePast() throws Exception {
        assumeTrue(HeadlessChromium.available() || "true".equals(System.getenv("REGUA_TEST_BROWSER")), "no Chromium on this machine");
        Path shots = Path.of("target", "reports-page");
        Files.createDirectories(shots);

        try (HeadlessChromium browser = new HeadlessChromium()) {
            // a stranger is sent to the login form; the demo analyst signs in there
            assertThat(browser.signIn("http://localhost:" + port + "/reports", "analyst", "analyst")).isTrue();
            assertThat(browser.waitFor("document.body.dataset.loaded === '2026-03-10'", WAIT)).isTrue();
            assertThat(text(browser, "#user")).contains("analyst");

            // Chart.js drew one bar per bucket of the policy, principal and charges stacked
            assertThat(browser.evaluate("typeof Chart").asText()).isEqualTo("function");
            assertThat(browser.evaluate("Chart.getChart('chart').data.labels.join('|')").asText())
                    .isEqualTo("Not yet due|1-30 days|31-60 days|61-90 days|91-180 days|Over 180 days");
            assertThat(browser.evaluate("Chart.getChart('chart').data.datasets[0].data.join('|')").asText())
                    .isEqualTo("500|1000|1263.33|0|0|250");
            assertThat(browser.evaluate("document.querySelector('#chart').width").asInt()).isPositive();

            // the table: the bucket rows and the total, in reais as a Brazilian reads them
            assertThat(browser.evaluate("document.querySelectorAll('#buckets tbody tr').length").asInt()).isEqualTo(6);
            assertThat(text(browser, "#buckets tr[data-bucket='31-60 days']")).contains("2", "R$ 1.263,33", "R$ 6,67", "R$ 14,30",
                    "R$ 1.284,30");
            assertThat(text(browser, "#buckets tfoot")).contains("Total", "5", "R$ 3.080,97");
            assertThat(text(browser, "#summary")).contains("5 open receivables owing R$ 3.080,97 on 2026-03-10");
            browser.screenshot(shots.resolve("aging-today.png"));

            // the aging of February 15
            browser.evaluate("document.querySelector('#as-of').value = '2026-02-15'");
            browser.evaluate("document.querySelector('#as-of-form button[type=submit]').click()");
            assertThat(browser.waitFor("document.body.dataset.loaded === '2026-02-15'", WAIT)).isTrue();
            assertThat(text(browser, "#buckets tfoot")).contains("4", "R$ 2.544,36");
            browser.screenshot(shots.resolve("aging-february-15.png"));

            // recovery: the month so far by default, nothing paid in March
            assertThat(browser.waitFor("document.body.dataset.recovery === '2026-03-01/2026-03-10'", WAIT)).isTrue();
            assertThat(text(browser, "#recovery-summary")).contains("R$ 0,00 recovered in 0 payments");

            // February: rep-partial paid 100.00 (70.00 principal, 20.00 fine, 10.00 interest) and rep-paid 408.93
            // (400.00, 8.00, 0.93) on the 8th; due by the 28th, nothing paid before: 1000 + 333.33 + 1000 + 250 + 400
            browser.evaluate("document.querySelector('#recovery-from').value = '2026-02-01'");
            browser.evaluate("document.querySelector('#recovery-to').value = '2026-02-28'");
            browser.evaluate("document.querySelector('#recovery-form button[type=submit]').click()");
            assertThat(browser.waitFor("document.body.dataset.recovery === '2026-02-01/2026-02-28'", WAIT)).isTrue();
            assertThat(text(browser, "#recovery-summary")).contains("R$ 508,93 recovered in 2 payments from 2026-02-01 to 2026-02-28",
                    "R$ 470,00 of the R$ 2.983,33 due (15,75%)", "R$ 38,93 in fine and interest");
            // Chart.js drew the stages the payments found, principal and charges stacked
            assertThat(browser.evaluate("Chart.getChart('recovery-chart').data.datasets[0].data.reduce((a, b) => a + b, 0)").asDouble())
                    .isEqualTo(470.00);
            assertThat(browser.evaluate("Math.round(Chart.getChart('recovery-chart').data.datasets[1].data.reduce((a, b) => a + b, 0) * 100)")
                    .asInt()).isEqualTo(3893);
            assertThat(browser.evaluate("Chart.getChart('recovery-chart').data.labels.length").asInt()).isPositive();
            assertThat(text(browser, "#recovery-lines tr[data-line='channel:']")).contains("no message before the payment", "2",
                    "R$ 508,93");
            // rep-45, rep-partial and rep-200 were overdue on 1 February; none was paid off by the 28th
            assertThat(text(browser, "#recovery-outcomes")).contains("Overdue when the period began\t3\tR$ 1.583,33",
                    "Cured by its end (0,00%)\t0\tR$ 0,00");
            // not yet due on 1 February: rep-15 (6 days late on 1 March, rolled on) and rep-paid (due that day, paid off on the 8th)
            assertThat(text(browser, "#recovery-rolls tr[data-roll='2026-02 Not yet due']"))
                    .contains("2\tR$ 1.400,00\t1 · R$ 1.000,00\t0 · R$ 0,00\t1 · R$ 400,00\t71,43%");
            // no debtor of this portfolio said why they could not pay: all that was due is under "no reason given"
            assertThat(text(browser, "#recovery-reasons tr[data-reason='']")).contains("no reason given\t5\tR$ 2.983,33\tR$ 470,00\t15,75%");
            assertThat(text(browser, "#recovery-reasons tr[data-reason='UNHAPPY']")).contains("insatisfeito", "\t0\tR$ 0,00");
            browser.evaluate("document.querySelector('#recovery-box').scrollIntoView()");
            browser.screenshot(shots.resolve("recovery-february.png"));
            browser.evaluate("window.scrollTo(0, document.body.scrollHeight)");
            browser.screenshot(shots.resolve("recovery-february-outcomes.png"));
        }
    }

    private static String text(HeadlessChromium browser, String selector) throws Exception {
        // Intl puts a no-break space between R$ and the amount
        return browser.evaluate("document.querySelector(\"" + selector + "\").innerText").asText().replace('\u00a0', ' ');
    }
}
