package br.com.regua.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.support.HeadlessChromium;

/**
 * The policy page in a real headless Chromium, as a credit manager uses it: a broken edit shown at
 * its line, a new rule with its scenario validated, simulated and activated, then rolled back from
 * the versions tab; a stored version started as a champion/challenger experiment and stopped there.
 * Screenshots in target/policy-page. CI sets REGUA_TEST_BROWSER=true: then it must run.
 */
class PolicyPageBrowserTests extends PolicySpringTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    PolicyWorkbench workbench;
    @Autowired
    ObjectMapper json;
    @Autowired
    PolicyStore store;

    @AfterEach
    void backToTheDefaultPolicy() {
        if (workbench.active().number() != 1) {
            workbench.activate(1, "tests", "back to the default policy");
        }
    }

    @Test
    void aCreditManagerEditsValidatesSimulatesActivatesAndRollsBack() throws Exception {
        assumeTrue(HeadlessChromium.available() || "true".equals(System.getenv("REGUA_TEST_BROWSER")), "no Chromium on this machine");
        int before = workbench.active().number();
        Path shots = Path.of("target", "policy-page");

        try (HeadlessChromium browser = new HeadlessChromium()) {
            // a stranger is sent to the login form; the demo credit manager signs in there
            assertThat(browser.signIn("http://localhost:" + port + "/policy", "manager", "manager")).isTrue();
            assertThat(browser.waitFor("document.querySelector('#user').innerText.includes('manager')", WAIT)).isTrue();
            assertThat(browser.waitFor("document.querySelector('#files li[data-file=\"grace.drl\"]') !== null", WAIT)).isTrue();
            assertThat(text(browser, "#active")).contains("version " + before);
            assertThat(browser.evaluate("document.querySelectorAll('#files li').length").asInt())
                    .isEqualTo(workbench.active().files().size());

            // a broken edit: refused, the error shown at its line
            click(browser, "#files li[data-file=\"grace.drl\"]");
            String grace = workbench.active().files().get("grace.drl");
            type(browser, grace.replace("InSegment( segment == Segment.RISKY )", "InSegment( segment == Segment.RISKY "));
            assertThat(text(browser, "#files li.on")).isEqualTo("grace.drl");
            click(browser, "#validate");
            assertThat(browser.waitFor("document.querySelector('.error-line[data-file=\"grace.drl\"]') !== null", WAIT)).isTrue();
            assertThat(text(browser, ".error-line")).startsWith("grace.drl:");
            assertThat(browser.evaluate("document.querySelectorAll('#gutter span.bad').length").asInt()).isPositive();
            browser.screenshot(shots.resolve("refused-edit.png"));
            click(browser, "#revert");

            // a new rule with its scenario: valid, simulated, activated
            addFile(browser, "season.drl", PolicyWorkbenchTests.SEASON_DRL);
            addFile(browser, "scenarios/season.csv", PolicyWorkbenchTests.SEASON_CSV);
            click(browser, "#validate");
            assertThat(browser.waitFor("document.querySelector('#valid') !== null", WAIT)).isTrue();
            assertThat(text(browser, "#valid")).contains("scenarios passed");
            click(browser, "#simulate");
            assertThat(browser.waitFor("document.querySelector('#simulation') !== null", WAIT)).isTrue();
            assertThat(text(browser, "#simulation")).contains("open cases evaluated", "discount offered before (R$)");
            browser.evaluate("document.querySelector('#comment').value = 'December is the holidays'");
            click(browser, "#activate");
            assertThat(browser.waitFor("document.querySelector('#activated') !== null", WAIT)).isTrue();
            int activated = workbench.active().number();
            assertThat(activated).isGreaterThan(before);
            assertThat(workbench.active().files()).containsKey("season.drl");
            assertThat(text(browser, "#active")).as("the author is who signed in").contains("version " + activated, "by manager");
            assertThat(store.version(activated).orElseThrow().author()).isEqualTo("manager");
            browser.screenshot(shots.resolve("activated.png"));

            // the versions tab: the diff of the new version, then roll back
            click(browser, "#tab-versions");
            assertThat(browser.waitFor("document.querySelector('tr[data-version=\"" + activated + "\"]') !== null", WAIT)).isTrue();
            click(browser, "tr[data-version=\"" + activated + "\"]");
            assertThat(browser.waitFor("document.querySelector('#version-detail pre.diff') !== null", WAIT)).isTrue();
            assertThat(text(browser, "#version-detail")).contains("season.drl (added)",
                    "+rule \"New customers with a December due date get three days of grace\"");
            browser.screenshot(shots.resolve("versions.png"));
            click(browser, "tr[data-version=\"" + before + "\"]");
            assertThat(browser.waitFor("document.querySelector('#activate-version') !== null"
                    + " && !document.querySelector('#activate-version').disabled", WAIT)).isTrue();
            click(browser, "#activate-version");
            assertThat(browser.waitFor("document.querySelector('#active').innerText.includes('version " + before + " ')", WAIT))
                    .isTrue();
            assertThat(workbench.active().number()).isEqualTo(before);
        }
    }

    @Test
    void aCreditManagerSchedulesAVersionSeesItPendingAndCancelsIt() throws Exception {
        assumeTrue(HeadlessChromium.available() || "true".equals(System.getenv("REGUA_TEST_BROWSER")), "no Chromium on this machine");
        int before = workbench.active().number();
        Path shots = Path.of("target", "policy-page");

        try (HeadlessChromium browser = new HeadlessChromium()) {
            assertThat(browser.signIn("http://localhost:" + port + "/policy", "manager", "manager")).isTrue();
            assertThat(browser.waitFor("document.querySelector('#files li[data-file=\"grace.drl\"]') !== null", WAIT)).isTrue();

            // an edit that takes effect on the first of a month, years ahead
            click(browser, "#files li[data-file=\"grace.drl\"]");
            type(browser, workbench.active().files().get("grace.drl") + "\n// reviewed for the new year\n");
            browser.evaluate("document.querySelector('#comment').value = 'From the new year'");
            click(browser, "#schedule");
            assertThat(browser.waitFor("document.querySelector('#schedule-problem') !== null", WAIT)).as("no date chosen").isTrue();
            browser.evaluate("document.querySelector('#effective-at').value = '2031-01-01T00:00'");
            click(browser, "#schedule");
            assertThat(browser.waitFor("document.querySelector('#scheduled') !== null", WAIT)).isTrue();
            assertThat(workbench.active().number()).as("nothing changes before the date").isEqualTo(before);
            PolicySchedule pending = store.schedules().stream().filter(s -> "From the new year".equals(s.comment())).findFirst()
                    .orElseThrow();
            assertThat(pending.status()).isEqualTo(PolicySchedule.Status.PENDING);
            assertThat(pending.author()).isEqualTo("manager");
            assertThat(text(browser, "#scheduled")).contains("Version " + pending.versionNumber(), "pending");

            // the Versions tab lists it as pending; cancelled there, it never takes effect
            click(browser, "#tab-versions");
            String row = "tr[data-schedule=\"" + pending.id() + "\"]";
            assertThat(browser.waitFor("document.querySelector('" + row.replace("'", "\\'") + " .status') !== null", WAIT)).isTrue();
            assertThat(text(browser, row)).contains(String.valueOf(pending.versionNumber()), "PENDING", "manager", "From the new year");
            assertThat(browser.waitFor("document.querySelector('tr[data-version=\"" + pending.versionNumber() + "\"]') !== null", WAIT))
                    .isTrue();
            assertThat(text(browser, "tr[data-version=\"" + pending.versionNumber() + "\"]")).contains("scheduled");
            browser.screenshot(shots.resolve("scheduled.png"));
            click(browser, row + " .cancel-schedule");
            assertThat(browser.waitFor("document.querySelector('" + row.replace("'", "\\'") + " .status').innerText === 'CANCELLED'", WAIT))
                    .isTrue();
            assertThat(store.schedules().stream().filter(s -> s.id() == pending.id()).findFirst().orElseThrow().status())
                    .isEqualTo(PolicySchedule.Status.CANCELLED);
            assertThat(workbench.active().number()).isEqualTo(before);

            // the cancelled version, stored, is tried as a challenger on a fifth of the new cases, a month years ahead
            browser.evaluate("document.querySelector('#experiment-name').value = 'New year rules on trial'");
            browser.evaluate("document.querySelector('#experiment-version').value = '" + pending.versionNumber() + "'");
            browser.evaluate("document.querySelector('#experiment-share').value = '150'");
            click(browser, "#start-experiment");
            assertThat(browser.waitFor("document.querySelector('#experiment-problem') !== null", WAIT)).isTrue();
            assertThat(text(browser, "#experiment-problem")).startsWith("sharePercent:");
            browser.evaluate("document.querySelector('#experiment-share').value = '20'");
            browser.evaluate("document.querySelector('#experiment-starts').value = '2031-02-01T00:00'");
            browser.evaluate("document.querySelector('#experiment-ends').value = '2031-03-01T00:00'");
            click(browser, "#start-experiment");
            assertThat(browser.waitFor("document.querySelector('#experiment-started') !== null", WAIT)).isTrue();
            assertThat(text(browser, "#experiment-started")).contains("is scheduled", "version " + pending.versionNumber(),
                    "against version " + before);
            String experiment = "#experiment-list tr.scheduled";
            assertThat(browser.waitFor("document.querySelector('" + experiment + " .verdict') !== null", WAIT)).isTrue();
            assertThat(text(browser, experiment)).contains("New year rules on trial", before + " vs " + pending.versionNumber(), "20%",
                    "SCHEDULED", "Too few cases to compare yet");
            browser.evaluate("document.querySelector('#experiments').scrollIntoView()");
            browser.screenshot(shots.resolve("experiments.png"));
            click(browser, experiment + " .stop-experiment");
            assertThat(browser.waitFor("document.querySelector('#experiment-list tr.ended') !== null", WAIT)).isTrue();
            assertThat(text(browser, "#experiment-list tr.ended .status")).isEqualTo("ENDED");
        }
    }

    private void addFile(HeadlessChromium browser, String name, String content) throws Exception {
        browser.evaluate("document.querySelector('#new-name').value = " + json.writeValueAsString(name));
        click(browser, "#new-file button");
        assertThat(text(browser, "#file-name")).isEqualTo(name);
        type(browser, content);
    }

    private void type(HeadlessChromium browser, String content) throws Exception {
        browser.evaluate("(() => { const t = document.querySelector('#text'); t.value = " + json.writeValueAsString(content)
                + "; t.dispatchEvent(new Event('input')); })()");
    }

    private static void click(HeadlessChromium browser, String selector) throws Exception {
        browser.evaluate("document.querySelector(" + new ObjectMapper().writeValueAsString(selector) + ").click()");
    }

    private static String text(HeadlessChromium browser, String selector) throws Exception {
        return browser.evaluate("document.querySelector(" + new ObjectMapper().writeValueAsString(selector) + ").innerText").asText();
    }
}
