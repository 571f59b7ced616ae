package br.com.regua.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import br.com.regua.agreement.AgreementService;
import br.com.regua.agreement.OfferService;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.support.HeadlessChromium;
import br.com.regua.support.Receivables;
import br.com.regua.support.ReguaSpringTests;

/**
 * Cockpit, in a real headless Chromium, draws a collection case on its diagram. Runs where
 * Chromium is installed; CI sets REGUA_TEST_BROWSER=true and then it must run.
 */
class CockpitBrowserTests extends ReguaSpringTests {

    @LocalServerPort
    int port;
    @Autowired
    ReceivableService receivables;

    @Autowired
    OfferService offers;
    @Autowired
    AgreementService agreements;

    /** Signs in once at Régua's login form, as the process analyst of the embedded demo; Cockpit takes it from there. */
    private static void logIn(HeadlessChromium browser, String base, String engineName) throws Exception {
        assertThat(browser.signIn(base + "/app/cockpit/" + engineName + "/", "analyst", "analyst")).isTrue();
        // let Cockpit finish starting on its dashboard before the test sends it elsewhere
        browser.waitFor("document.body && document.body.innerText.includes('Camunda Cockpit')", Duration.ofSeconds(30));
    }

    /**
     * Opens a Cockpit page and waits for {@code condition}. Cockpit now and then stays on its
     * loading spinner (seen a few times in dozens of runs on this 2-core machine, never twice in a
     * row); a person would reload the page, and so does the test, once, from a blank page.
     */
    private static boolean open(HeadlessChromium browser, String url, String condition) throws Exception {
        browser.navigate(url);
        if (browser.waitFor(condition, Duration.ofSeconds(30))) {
            return true;
        }
        browser.navigate("about:blank");
        browser.navigate(url);
        return browser.waitFor(condition, Duration.ofSeconds(60));
    }

    @Test
    void cockpitDrawsAnAgreementAndTheCaseWaitingWhileItRuns() throws Exception {
        assumeTrue(HeadlessChromium.available() || "true".equals(System.getenv("REGUA_TEST_BROWSER")),
                "no Chromium on this machine");
        setClock("2026-03-02T10:00:00-03:00");
        receivables.register(Receivables.owing("cockpit-2", "1500.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 16)));
        setClock("2026-04-25T10:00:00-03:00");
        String agreementId = agreements.accept(offers.forReceivable("cockpit-2").offers().get(1).id()).agreement().id();
        String agreementCase = runtime.createProcessInstanceQuery().processInstanceBusinessKey(agreementId).singleResult().getId();
        String base = "http://localhost:" + port + "/camunda";
        String engineName = engine.getName();

        try (HeadlessChromium browser = new HeadlessChromium()) {
            logIn(browser, base, engineName);
            boolean drawn = open(browser, base + "/app/cockpit/" + engineName + "/#/process-instance/" + agreementCase + "/runtime",
                    "document.querySelector('[data-element-id=\"ReceiveTask_AwaitInstallment\"]') !== null"
                    + " && document.querySelectorAll('.djs-element').length > 15");
            browser.screenshot(Path.of("target", "cockpit", "agreement.png"));
            assertThat(drawn).as("Cockpit drew the agreement (screenshot in target/cockpit)").isTrue();
            for (String element : new String[] {"Timer_InstallmentReminder", "Timer_GraceOver", "Task_BreakAgreement", "Task_KeepAgreement"}) {
                assertThat(browser.evaluate("document.querySelector('[data-element-id=\"" + element + "\"]') !== null").asBoolean())
                        .as(element).isTrue();
            }

            boolean waiting = open(browser, base + "/app/cockpit/" + engineName + "/#/process-instance/" + caseOf("cockpit-2").getId() + "/runtime",
                    "document.querySelector('[data-element-id=\"ReceiveTask_AwaitAgreementOutcome\"]') !== null"
                    + " && document.querySelectorAll('.djs-element').length > 50");
            browser.screenshot(Path.of("target", "cockpit", "collection-in-agreement.png"));
            assertThat(waiting).as("Cockpit drew the collection case (screenshot in target/cockpit)").isTrue();
            for (String element : new String[] {"SubProcess_Schedule", "Boundary_AgreementAccepted", "Boundary_DisputeOpened",
                    "UserTask_ReviewDispute"}) {
                assertThat(browser.evaluate("document.querySelector('[data-element-id=\"" + element + "\"]') !== null").asBoolean())
                        .as(element).isTrue();
            }
        }
    }

    @Test
    void cockpitDrawsACollectionCaseWaitingForItsNextStage() throws Exception {
        assumeTrue(HeadlessChromium.available() || "true".equals(System.getenv("REGUA_TEST_BROWSER")),
                "no Chromium on this machine");
        setClock("2026-03-02T10:00:00-03:00");
        receivables.register(Receivables.owing("cockpit-1", "1500.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 16)));
        String caseId = caseOf("cockpit-1").getId();
        fireNextTimer(caseId); // the pre-due reminder goes out; the case waits for the due date
        String base = "http://localhost:" + port + "/camunda";
        String engineName = engine.getName(); // the tests give each engine a unique name

        try (HeadlessChromium browser = new HeadlessChromium()) {
            logIn(browser, base, engineName);

            boolean drawn = open(browser, base + "/app/cockpit/" + engineName + "/#/process-instance/" + caseId + "/runtime",
                    "document.querySelector('[data-element-id=\"Timer_UntilDueDayNotice\"]') !== null"
                    + " && document.querySelectorAll('.djs-element').length > 50");
            browser.screenshot(Path.of("target", "cockpit", "collection-case.png"));

            assertThat(drawn).as("Cockpit drew the diagram (screenshot in target/cockpit)").isTrue();
            assertThat(browser.evaluate("document.body.innerText").asText()).contains("Collection schedule");
            for (String element : new String[] {"Task_ClassifyDebtor", "Gateway_NextStage", "UserTask_ReviewLegalReferral",
                    "SubProcess_BalancePaid"}) {
                assertThat(browser.evaluate("document.querySelector('[data-element-id=\"" + element + "\"]') !== null").asBoolean())
                        .as(element).isTrue();
            }

            // as an analyst reads it, at Cockpit's own zoom: the stages left to right in the order of the schedule, each
            // box wide enough for its name to be read
            double previousLeft = Double.NEGATIVE_INFINITY;
            for (String stage : MAIN_LINE) {
                JsonNode box = browser.evaluate("(() => { const r = document.querySelector('[data-element-id=\"" + stage
                        + "\"]').getBoundingClientRect(); return {left: r.left, width: r.width}; })()");
                double left = box.get("left").asDouble();
                assertThat(left).as(stage + " comes after the stage before it").isGreaterThan(previousLeft);
                assertThat(box.get("width").asDouble()).as(stage + " on-screen width (px)").isGreaterThanOrEqualTo(READABLE_WIDTH);
                previousLeft = left;
            }
        }
    }

    /** The main line of the collection schedule, in the order of its days. */
    private static final String[] MAIN_LINE = {"Task_ClassifyDebtor", "Task_SendPreDueReminder", "Task_SendDueDayNotice",
            "Task_EndGracePeriod", "Task_SendFriendlyReminder", "Task_SendRenegotiationOffer", "Task_QueueCollectorCall",
            "Task_SendFormalNotice", "Task_SendBureauPriorNotice", "Task_ReportToBureau", "Task_SendSuspensionNotice",
            "Task_ReferToAgency", "Task_ReferToLegal", "Task_WriteOff"};

    /** On-screen width, in CSS pixels, under which a stage's name is too small to read in a 1400x900 window. */
    private static final double READABLE_WIDTH = 50;

    @Test
    void anAnalystSeesACaseInCockpitAndCannotDeleteOrChangeIt() throws Exception {
        assumeTrue(HeadlessChromium.available() || "true".equals(System.getenv("REGUA_TEST_BROWSER")),
                "no Chromium on this machine");
        setClock("2026-03-02T10:00:00-03:00");
        receivables.register(Receivables.owing("cockpit-3", "900.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 16)));
        String caseId = caseOf("cockpit-3").getId();
        String base = "http://localhost:" + port + "/camunda";
        String engineName = engine.getName();

        try (HeadlessChromium browser = new HeadlessChromium()) {
            logIn(browser, base, engineName);
            boolean drawn = open(browser, base + "/app/cockpit/" + engineName + "/#/process-instance/" + caseId + "/runtime",
                    "document.querySelector('[data-element-id=\"Task_ClassifyDebtor\"]') !== null");
            browser.screenshot(Path.of("target", "cockpit", "analyst-case.png"));
            assertThat(drawn).as("the analyst sees the case (screenshot in target/cockpit)").isTrue();

            // every way a page of this session could delete the case: Cockpit's own API, and Camunda's REST API
            String attempts = browser.evaluate("""
                    (async () => {
                      const token = (document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')) || '=').split('=')[1];
                      const cockpit = await fetch('%1$s/api/engine/engine/%2$s/process-instance/%3$s',
                          {method: 'DELETE', headers: {'X-XSRF-TOKEN': token}});
                      const rest = await fetch('/engine-rest/process-instance/%3$s', {method: 'DELETE'});
                      const suspend = await fetch('%1$s/api/engine/engine/%2$s/process-instance/%3$s/suspended',
                          {method: 'PUT', headers: {'X-XSRF-TOKEN': token, 'Content-Type': 'application/json'},
                           body: JSON.stringify({suspended: true})});
                      return [cockpit.status, rest.status, suspend.status].join(',');
                    })()""".formatted(base, engineName, caseId)).asText();
            assertThat(attempts).isEqualTo("403,403,403");
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseId).active().count())
                    .as("the case is still there and running").isEqualTo(1);

            // Cockpit's own logout ends the session Régua's login opened: Cockpit then sends the browser to the login form
            int loggedOut = browser.evaluate("""
                    (async () => {
                      const token = (document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')) || '=').split('=')[1];
                      return (await fetch('%s/api/admin/auth/user/%s/logout', {method: 'POST', headers: {'X-XSRF-TOKEN': token}})).status;
                    })()""".formatted(base, engineName)).asInt();
            assertThat(loggedOut).isEqualTo(200);
            browser.navigate(base + "/app/cockpit/" + engineName + "/");
            assertThat(browser.waitFor("document.querySelector('form input[name=password]') !== null", Duration.ofSeconds(30)))
                    .as("signed out: the login form again").isTrue();
        }
    }
}
