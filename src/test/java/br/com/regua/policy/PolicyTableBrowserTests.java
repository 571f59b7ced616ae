package br.com.regua.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.support.HeadlessChromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;

import br.com.regua.schedule.SimulationClock;
import br.com.regua.security.Role;
import br.com.regua.support.TestPolicy;
import br.com.regua.support.TestUsers;

/**
 * The policy page's grid in a real headless Chromium, as a credit manager uses it: bad cells refused
 * at their cell, good payers' grace days changed in the grid, the scenarios that expected the old ones
 * failing at their rows and fixed there, the what-if's "What changes" with the cases it moves,
 * activation, and the next case decided by the new version; then a change made in Excel (a
 * spreadsheet written by Apache POI) and uploaded. The tests' policy keeps its grace days in DRL: this
 * test runs on a copy of it whose grace days are a decision table, as in {@code rules/}, on a server
 * and database of its own. Screenshots in target/policy-table. CI sets REGUA_TEST_BROWSER=true: then
 * it must run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:regua-policy-table-tests;DB_CLOSE_DELAY=-1",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.generate-unique-process-application-name=true",
        "camunda.bpm.job-execution.enabled=false",
        "regua.policy.reload-interval=PT0.2S"})
@ActiveProfiles("simulation")
class PolicyTableBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    // the Grace table: good payers' grace days; the Discounts table: good payers' first row's discount
    private static final String GRACE_DAYS = "[data-cell=\"tables[0].rows[0].cells[2]\"]";
    private static final String DISCOUNT = "[data-cell=\"tables[0].rows[0].cells[4]\"]";
    private static final String DAYS_FROM = "[data-cell=\"tables[0].rows[1].cells[2]\"]";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final Path RULES = graceInATable();

    @DynamicPropertySource
    static void rulesDirectory(DynamicPropertyRegistry registry) {
        registry.add("regua.rules-dir", RULES::toString);
    }

    /** The tests' policy with its grace days moved into a table: the same days, read by the logic of rules/grace.drl. */
    private static Path graceInATable() {
        try {
            Path dir = Files.createTempDirectory("regua-rules-grace-table");
            FileSystemUtils.copyRecursively(TestPolicy.DIR, dir);
            Files.copy(LogicWithTestTables.TABLES.resolve("grace.drl.csv"), dir.resolve("grace.drl.csv"));
            Files.copy(Path.of("rules", "grace.drl"), dir.resolve("grace.drl"), StandardCopyOption.REPLACE_EXISTING);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    FileSystemUtils.deleteRecursively(dir);
                } catch (IOException e) {
                    // a temporary directory: the system cleans it up anyway
                }
            }));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    PolicyWorkbench workbench;
    @Autowired
    PolicyTables tables;
    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    IdentityService identity;
    @Autowired
    SimulationClock simulationClock;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @BeforeEach
    void wednesday() {
        simulationClock.moveTo(OffsetDateTime.parse("2026-11-25T10:00:00-03:00").toInstant());
    }

    @AfterEach
    void backToTheDefaultPolicy() {
        if (workbench.active().number() != 1) {
            workbench.activate(1, "tests", "back to the default policy");
        }
    }

    @Test
    void aCreditManagerGivesGoodPayersMoreGraceInTheGridFixesTheScenariosSeesWhatChangesAndActivatesIt() throws Exception {
        assumeTrue(HeadlessChromium.available() || "true".equals(System.getenv("REGUA_TEST_BROWSER")), "no Chromium on this machine");
        TestRestTemplate backend = TestUsers.as(Role.INTEGRATION, identity, anonymous);
        // a good payer whose bill fell due yesterday: in its grace period, which ends on day 5
        goodPayer(backend, "grace-walk");
        register(backend, "grace-walk-open", "grace-walk", "1800.00", TODAY.minusDays(1));
        runWhatIsDueNow("grace-walk-open");
        int before = workbench.active().number();
        Path shots = Path.of("target", "policy-table");
        try (HeadlessChromium browser = new HeadlessChromium()) {
            openTable(browser, "grace.drl.csv", GRACE_DAYS);
            assertThat(value(browser, GRACE_DAYS)).isEqualTo("5");
            browser.screenshot(shots.resolve("grid.png"));

            // a bad cell: refused at its cell, with a message, and the file keeps its last good text
            type(browser, GRACE_DAYS, "-2");
            assertThat(browser.waitFor(message(GRACE_DAYS) + ".includes('days cannot be negative')", WAIT)).isTrue();
            assertThat(text(browser, "#grid-status")).contains("1 cell to fix");
            assertThat(browser.evaluate("document.querySelector('#files li[data-file=\"grace.drl.csv\"]').className").asText())
                    .doesNotContain("edited");
            browser.screenshot(shots.resolve("bad-cells.png"));

            // good payers get seven days of grace
            type(browser, GRACE_DAYS, "7");
            assertThat(browser.waitFor("document.querySelector('#grid-status').innerText === 'All cells are right.'", WAIT)).isTrue();
            assertThat(browser.waitFor("document.querySelector('#files li[data-file=\"grace.drl.csv\"]').className.includes('edited')",
                    WAIT)).isTrue();

            // the scenarios that expected five days fail, each at its row, expected against actual
            click(browser, "#validate");
            assertThat(browser.waitFor("document.querySelector('#failures') !== null", WAIT)).isTrue();
            click(browser, "#failures tbody tr");
            assertThat(browser.waitFor("document.querySelector('#grid tr.failing') !== null", WAIT)).isTrue();
            assertThat(text(browser, "#file-name")).startsWith("scenarios/");
            assertThat(text(browser, "#grid tr.failure")).contains("expected 5", "actual 7");
            browser.screenshot(shots.resolve("scenario-fails.png"));

            // fixed in the scenario grids, file by file: each failing check now expects what the edit decides
            int fixed = 0;
            for (int round = 0; round < 10 && !browser.evaluate("document.querySelector('#valid') !== null").asBoolean(); round++) {
                if (round > 0) {
                    click(browser, "#failures tbody tr");
                    assertThat(browser.waitFor("document.querySelector('#grid tr.failing') !== null", WAIT)).isTrue();
                }
                fixed += browser.evaluate(EXPECT_WHAT_IS_DECIDED).asInt();
                browser.evaluate("document.querySelector('#result').replaceChildren()"); // so the wait sees this answer
                click(browser, "#validate");
                assertThat(browser.waitFor("document.querySelector('#valid') !== null || document.querySelector('#failures') !== null",
                        WAIT)).isTrue();
            }
            assertThat(fixed).isGreaterThanOrEqualTo(2);
            assertThat(browser.waitFor("document.querySelector('#valid') !== null", WAIT)).isTrue();
            assertThat(workbench.active().number()).isEqualTo(before);

            // what changes: the good payer's case, its grace period two days longer, explained by the edited row
            click(browser, "#simulate");
            assertThat(browser.waitFor("document.querySelector('#whatif-summary') !== null", WAIT)).isTrue();
            browser.screenshot(shots.resolve("what-changes.png"));
            assertThat(text(browser, "#whatif-summary")).contains("open cases change");
            assertThat(browser.evaluate("document.querySelector('#whatif-cases') !== null").asBoolean()).isTrue();
            assertThat(text(browser, "#whatif-groups")).contains("GOOD_PAYER", "GRACE_PERIOD", "R$");
            assertThat(text(browser, "#whatif-cases")).contains("grace-walk-open", "R$ 1.800,00",
                    "«Good payers get days of grace» (Grace days: 5 → 7)");
            assertThat(browser.evaluate("document.querySelector('#whatif-csv') !== null").asBoolean()).isTrue();
            browser.evaluate("document.querySelector('#whatif-cases').scrollIntoView({block: 'center'})");
            browser.screenshot(shots.resolve("what-changes-cases.png"));

            browser.evaluate("document.querySelector('#comment').value = 'Good payers: a week of grace'");
            click(browser, "#activate");
            assertThat(browser.waitFor("document.querySelector('#activated') !== null", WAIT)).isTrue();
            // the what-if was against the version before: it goes away
            assertThat(browser.waitFor("document.querySelector('#whatif').hidden", WAIT)).isTrue();
            browser.screenshot(shots.resolve("activated.png"));
        }

        // the next case is decided by the new version, and its record says so
        int activated = workbench.active().number();
        assertThat(activated).isGreaterThan(before);
        assertThat(workbench.active().files().get("grace.drl.csv")).contains("Good payers get days of grace,GOOD_PAYER,7");
        register(backend, "grace-walk-next", "grace-walk", "900.00", TODAY.minusDays(1));
        JsonNode decision = TestUsers.as(Role.CREDIT_MANAGER, identity, anonymous)
                .getForEntity("/api/receivables/grace-walk-next/decisions", JsonNode.class).getBody().get(0);
        assertThat(decision.get("policyNumber").asInt()).isEqualTo(activated);
        assertThat(decision.get("outputs").get("graceDays").asInt()).isEqualTo(7);
        assertThat(decision.get("rulesFired")).extracting(JsonNode::asText).contains("Good payers get days of grace");
    }

    /** Sets each failing check of the open scenario file to what the policy decided; answers how many. */
    private static final String EXPECT_WHAT_IS_DECIDED = """
            (() => {
              const norm = s => s.toLowerCase().replace(/[^a-z0-9]/g, '');
              const heads = [...document.querySelectorAll('#grid table.scenarios thead th')].map(th => norm(th.innerText));
              const file = document.querySelector('#file-name').innerText;
              let n = 0;
              grids.failures.filter(f => f.file === file).forEach(f => {
                const row = document.querySelector(`#grid tr[data-line="${f.line}"]`);
                let c = heads.indexOf('expected' + norm(f.check));
                if (c < 0) c = heads.indexOf(norm(f.check));
                if (!row || c < 0) return;
                const input = row.children[c].querySelector('input');
                input.value = f.actual;
                input.dispatchEvent(new Event('input'));
                n++;
              });
              return n;
            })()""";

    @Test
    void aSpreadsheetEditedInExcelGivesTheSameChangeAndABadCellIsRefusedAtItsCell() throws Exception {
        assumeTrue(HeadlessChromium.available() || "true".equals(System.getenv("REGUA_TEST_BROWSER")), "no Chromium on this machine");
        Path shots = Path.of("target", "policy-table");
        byte[] downloaded = tables.xlsx("discounts.drl.csv", null);
        try (HeadlessChromium browser = new HeadlessChromium()) {
            openTable(browser, "discounts.drl.csv", DISCOUNT);

            // an unknown segment typed in Excel: refused, named by table, row and column; nothing changes
            upload(browser, edited(downloaded, 9, 1, "VIP"));
            assertThat(browser.waitFor("document.querySelector('#upload-problems') !== null", WAIT)).isTrue();
            assertThat(text(browser, "#upload-problems")).contains("Discounts, row 1: Segment: 'VIP' is not a known segment");
            assertThat(browser.evaluate("document.querySelector('#files li[data-file=\"discounts.drl.csv\"]').className").asText())
                    .doesNotContain("edited");
            browser.screenshot(shots.resolve("upload-refused.png"));

            // good payers' 12% typed in Excel as a number
            upload(browser, edited(downloaded, 9, 4, 0.12));
            assertThat(browser.waitFor("document.querySelector('#grid-status').className === 'ok'", WAIT)).isTrue();
            assertThat(value(browser, DISCOUNT)).isEqualTo("12");
            show(browser, DISCOUNT);
            browser.screenshot(shots.resolve("uploaded.png"));
            String text = browser.evaluate("state.edits['discounts.drl.csv']").asText();
            assertThat(text).isEqualTo(workbench.active().files().get("discounts.drl.csv")
                    .replace("first 29 days overdue,GOOD_PAYER,,30,0.10", "first 29 days overdue,GOOD_PAYER,,30,0.12"));
        }
    }

    private void openTable(HeadlessChromium browser, String file, String cell) throws Exception {
        assertThat(browser.signIn("http://localhost:" + port + "/policy", "manager", "manager")).isTrue();
        assertThat(browser.waitFor("document.querySelector('#files li[data-file=\"" + file + "\"]') !== null", WAIT)).isTrue();
        click(browser, "#files li[data-file=\"" + file + "\"]");
        assertThat(browser.waitFor("document.querySelector('#grid " + cell.replace("\"", "\\\"") + "') !== null", WAIT)).isTrue();
    }

    /** Runs the case's jobs due by now, as the job executor would: it sends the due-day notice and waits for its grace. */
    private void runWhatIsDueNow(String externalId) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(externalId).singleResult().getId();
        for (int i = 0; i < 10; i++) {
            Job due = management.createJobQuery().processInstanceId(instance).list().stream()
                    .filter(j -> j.getDuedate() == null || !j.getDuedate().toInstant().isAfter(simulationClock.instant()))
                    .findFirst().orElse(null);
            if (due == null) {
                return;
            }
            management.executeJob(due.getId());
        }
    }

    /** Three bills paid on time: a good payer. */
    private static void goodPayer(TestRestTemplate backend, String customer) {
        for (int p = 0; p < 3; p++) {
            String bill = customer + "-paid-" + p;
            register(backend, bill, customer, "300.00", TODAY.plusDays(5));
            send(backend, "/api/payments", """
                    {"externalId": "pay-%s", "receivableExternalId": "%s", "amount": "300.00", "method": "PIX",
                     "paidAt": "2026-11-25T09:00:00-03:00"}""".formatted(bill, bill));
        }
    }

    private static void register(TestRestTemplate backend, String id, String customer, String amount, LocalDate due) {
        send(backend, "/api/receivables", """
                {"externalId": "%s",
                 "customer": {"externalId": "%s", "name": "Beatriz Nunes", "document": "529.982.247-25", "type": "CONSUMER",
                              "email": "beatriz@example.com", "state": "MG"},
                 "amount": "%s", "issueDate": "%s", "dueDate": "%s"}""".formatted(id, customer, amount, due.minusDays(30), due));
    }

    private static void send(TestRestTemplate http, String path, String body) {
        assertThat(PolicyWorkbenchTests.send(http, HttpMethod.POST, path, body).getStatusCode()).as(path + " " + body)
                .isEqualTo(HttpStatus.CREATED);
    }

    private static byte[] edited(byte[] xlsx, int row, int column, Object value) throws Exception {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row r = book.getSheetAt(0).getRow(row);
            assertThat(r.getCell(0).getStringCellValue()).startsWith("Good payers get up to 10%");
            if (value instanceof Double d) {
                r.getCell(column).setCellValue(d);
            } else {
                r.getCell(column).setCellValue((String) value);
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void upload(HeadlessChromium browser, byte[] xlsx) throws Exception {
        browser.evaluate("(() => { const bytes = Uint8Array.from(atob('" + Base64.getEncoder().encodeToString(xlsx)
                + "'), c => c.charCodeAt(0)); const files = new DataTransfer();"
                + " files.items.add(new File([bytes], 'discounts.xlsx')); const input = document.querySelector('#xlsx-file');"
                + " input.files = files.files; input.dispatchEvent(new Event('change')); })()");
    }

    private static void show(HeadlessChromium browser, String selector) throws Exception {
        browser.evaluate("document.querySelector(" + JSON.writeValueAsString(selector) + ").scrollIntoView({inline: 'center', block: 'center'})");
    }

    private static String message(String cell) {
        return "document.querySelector('" + cell.replace("\"", "\\\"") + "').closest('td').querySelector('.msg').innerText";
    }

    private static void type(HeadlessChromium browser, String selector, String value) throws Exception {
        browser.evaluate("(() => { const i = document.querySelector(" + JSON.writeValueAsString(selector) + "); i.value = "
                + JSON.writeValueAsString(value) + "; i.dispatchEvent(new Event('input')); })()");
    }

    private static String value(HeadlessChromium browser, String selector) throws Exception {
        return browser.evaluate("document.querySelector(" + JSON.writeValueAsString(selector) + ").value").asText();
    }

    private static void click(HeadlessChromium browser, String selector) throws Exception {
        browser.evaluate("document.querySelector(" + JSON.writeValueAsString(selector) + ").click()");
    }

    private static String text(HeadlessChromium browser, String selector) throws Exception {
        // money in pt-BR has a no-break space after R$: read as a plain one
        return browser.evaluate("document.querySelector(" + JSON.writeValueAsString(selector) + ").innerText").asText()
                .replace('\u00a0', ' ');
    }
}
