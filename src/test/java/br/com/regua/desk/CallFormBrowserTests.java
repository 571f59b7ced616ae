package br.com.regua.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import br.com.regua.cases.CollectionProcess;
import br.com.regua.promise.PromiseService;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.security.Role;
import br.com.regua.support.HeadlessChromium;
import br.com.regua.support.Receivables;
import br.com.regua.support.ReguaSpringTests;
import br.com.regua.support.TestUsers;

/**
 * The call form in a real headless Chromium, as a collector opens it from Tasklist: the debt broken down,
 * the script, then a promise to pay recorded. Screenshots in target/call-form. CI sets
 * REGUA_TEST_BROWSER=true: then it must run.
 */
class CallFormBrowserTests extends ReguaSpringTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    ReceivableService receivables;
    @Autowired
    PromiseService promises;

    @Test
    void aCollectorOpensTheCallFormAndRecordsAPromiseToPay() throws Exception {
        assumeTrue(HeadlessChromium.available() || "true".equals(System.getenv("REGUA_TEST_BROWSER")), "no Chromium on this machine");
        // R$ 1.500,00 due Monday 16 March; the call opens on Monday 6 April at 08:00, 21 days late
        setClock("2026-03-02T10:00:00-03:00");
        receivables.register(Receivables.owing("form-promise", "1500.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 16)));
        String caseId = caseOf("form-promise").getId();
        walkUntilPassed(caseId, "Task_QueueCollectorCall", 10);
        Task call = tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey(CollectionProcess.USER_TASK_CALL).singleResult();
        String user = TestUsers.user(Role.COLLECTOR);
        TestUsers.ensure(user, user + "-password", Role.COLLECTOR, identity);
        Path shots = Path.of("target", "call-form");

        try (HeadlessChromium browser = new HeadlessChromium()) {
            // as Tasklist opens the task's form key, with ?taskId=
            assertThat(browser.signIn("http://localhost:" + port + "/desk/tasks?taskId=" + call.getId(), user, user + "-password")).isTrue();
            assertThat(browser.waitFor("document.querySelector('#outcome') !== null", WAIT)).isTrue();
            assertThat(text(browser, "header")).contains("Maria da Silva", "+55 11 98765-4321", "cliente novo", "ninguém assumiu ainda");
            assertThat(text(browser, "dl.money")).contains("Valor principal", "R$ 1.500,00", "Multa", "Juros de mora", "Total em 06/04/2026");
            assertThat(text(browser, ".script")).contains("Maria da Silva", "Régua Demonstração Ltda.", user);
            browser.screenshot(shots.resolve("call-form.png"));

            browser.evaluate("document.querySelector('input[value=PROMISE_TO_PAY]').click()");
            assertThat(browser.waitFor("getComputedStyle(document.querySelector('#amount')).display !== 'none'"
                    + " && document.querySelector('#amount').offsetParent !== null", WAIT)).isTrue();
            browser.evaluate("document.querySelector('#amount').value = '500,00'");
            browser.evaluate("document.querySelector('#date').value = '2026-04-09'");
            browser.evaluate("document.querySelector('#note').value = 'recebe o salário na quinta'");
            browser.screenshot(shots.resolve("call-form-promise.png"));
            browser.evaluate("document.querySelector('#outcome button[type=submit]').click()");

            assertThat(browser.waitFor("!document.querySelector('#done').hidden", WAIT)).isTrue();
            assertThat(text(browser, "#done")).contains("Registrado: Prometeu pagar R$ 500,00 até 09/04/2026", "A ligação foi concluída");
            assertThat(text(browser, "header")).contains("com você");
            browser.screenshot(shots.resolve("call-form-recorded.png"));
        }
        assertThat(promises.forReceivable("form-promise")).singleElement().satisfies(p -> {
            assertThat(p.amount()).isEqualByComparingTo(new BigDecimal("500.00"));
            assertThat(p.date()).isEqualTo(LocalDate.of(2026, 4, 9));
            assertThat(p.madeBy()).isEqualTo(user);
        });
        assertThat(tasks.createTaskQuery().taskId(call.getId()).count()).isZero();
    }

    private static String text(HeadlessChromium browser, String selector) throws Exception {
        return browser.evaluate("document.querySelector(\"" + selector + "\").innerText").asText().replace('\u00a0', ' ');
    }
}
