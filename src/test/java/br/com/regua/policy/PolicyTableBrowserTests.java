package br.com.regua.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
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

/**
 * The policy page's grid in a real headless Chromium, as a credit manager uses it: bad cells refused
 * at their cell, good payers' discount changed in the grid, the scenario that expected the old one
 * failing at its row and fixed there, the what-if, activation, and the next case decided by the new
 * version; then the same change made in Excel (a spreadsheet written by Apache POI) and uploaded. The
 * test policy keeps its grace days in DRL, so the grid's change is the discount table's. Screenshots in
 * target/policy-table. CI sets REGUA_TEST_BROWSER=true: then it must run.
 */
class PolicyTableBrowserTests extends PolicySpringTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    // the Discounts table: good payers' first row's discount, and their second row's "days overdue from"
    private static final String DISCOUNT = "[data-cell=\"tables[0].rows[0].cells[4]\"]";
    private static final String DAYS_FROM = "[data-cell=\"tables[0].rows[1].cells[2]\"]";

    @LocalServerPort
    int port;
    @Autowired
    PolicyWorkbench workbench;
    @Autowired
    PolicyEngine engine;
    @Autowired
    PolicyTables tables;

    @AfterEach
    void backToTheDefaultPolicy() {
        if (workbench.active().number() != 1) {
            workbench.activate(1, "tests", "back to the default policy");
        }
    }

    @Test
    void aCreditManagerChangesADiscountInTheGridFixesTheScenarioAndActivatesIt() throws Exception {
        assumeTrue(HeadlessChromium.available() || "true".equals(System.getenv("REGUA_TEST_BROWSER")), "no Chromium on this machine");
        int before = workbench.active().number();
        Path shots = Path.of("target", "policy-table");
        try (HeadlessChromium browser = new HeadlessChromium()) {
            openDiscounts(browser);
            assertThat(value(browser, DISCOUNT)).as("a fraction shows as a percentage").isEqualTo("10");
            browser.screenshot(shots.resolve("grid.png"));

            // bad cells: each refused at its cell, with a message, and the file keeps its last good text
            type(browser, DISCOUNT, "120");
            type(browser, DAYS_FROM, "-5");
            assertThat(browser.waitFor(message(DISCOUNT) + ".includes('120% is more than 100%')", WAIT)).isTrue();
            assertThat(browser.waitFor(message(DAYS_FROM) + ".includes('days cannot be negative')", WAIT)).isTrue();
            assertThat(text(browser, "#grid-status")).contains("2 cells to fix");
            assertThat(browser.evaluate("document.querySelector('#files li[data-file=\"discounts.drl.csv\"]').className").asText())
                    .doesNotContain("edited");
            show(browser, DISCOUNT);
            browser.screenshot(shots.resolve("bad-cells.png"));

            // good payers get 12% in their first 29 days overdue
            type(browser, DAYS_FROM, "30");
            type(browser, DISCOUNT, "12");
            assertThat(browser.waitFor("document.querySelector('#grid-status').innerText === 'All cells are right.'", WAIT)).isTrue();
            assertThat(browser.waitFor("document.querySelector('#files li[data-file=\"discounts.drl.csv\"]').className.includes('edited')",
                    WAIT)).isTrue();

            // the scenarios that expected 10% fail, each at its row, expected against actual
            click(browser, "#validate");
            assertThat(browser.waitFor("document.querySelector('#failures') !== null", WAIT)).isTrue();
            click(browser, "#failures tbody tr");
            assertThat(browser.waitFor("document.querySelector('#grid tr.failing') !== null", WAIT)).isTrue();
            assertThat(text(browser, "#file-name")).isEqualTo("scenarios/discounts.csv");
            String failingLine = browser.evaluate("document.querySelector('#grid tr.failing').dataset.line").asText();
            assertThat(text(browser, "#grid tr.failure")).contains("discount", "expected 10%", "12");
            browser.screenshot(shots.resolve("scenario-fails.png"));

            // fixed in the scenario grid, file by file: the failing rows now expect 12%
            int fixed = 0;
            for (int round = 0; round < 5 && !browser.evaluate("document.querySelector('#valid') !== null").asBoolean(); round++) {
                if (round > 0) {
                    click(browser, "#failures tbody tr");
                    assertThat(browser.waitFor("document.querySelector('#grid tr.failing') !== null", WAIT)).isTrue();
                }
                while (browser.evaluate("document.querySelector('#grid tr.failing td.bad-cell input') !== null").asBoolean()) {
                    browser.evaluate("(() => { const i = document.querySelector('#grid tr.failing td.bad-cell input'); i.value = '12%';"
                            + " i.dispatchEvent(new Event('input')); i.closest('tr').classList.remove('failing'); })()");
                    fixed++;
                }
                browser.evaluate("document.querySelector('#result').replaceChildren()"); // so the wait sees this answer
                click(browser, "#validate");
                assertThat(browser.waitFor("document.querySelector('#valid') !== null || document.querySelector('#failures') !== null",
                        WAIT)).isTrue();
            }
            assertThat(fixed).isGreaterThanOrEqualTo(3);
            assertThat(browser.waitFor("document.querySelector('#valid') !== null", WAIT)).isTrue();
            assertThat(browser.evaluate("document.querySelectorAll('#grid tr.failing').length").asInt()).isZero();
            assertThat(workbench.active().number()).isEqualTo(before);

            // the what-if, then activation
            click(browser, "#simulate");
            assertThat(browser.waitFor("document.querySelector('#simulation') !== null", WAIT)).isTrue();
            assertThat(text(browser, "#simulation")).contains("open cases evaluated");
            browser.screenshot(shots.resolve("what-if.png"));
            browser.evaluate("document.querySelector('#comment').value = 'Good payers: 12% in the first month'");
            click(browser, "#activate");
            assertThat(browser.waitFor("document.querySelector('#activated') !== null", WAIT)).isTrue();
            browser.screenshot(shots.resolve("activated.png"));
            assertThat(failingLine).isNotBlank();

            // the Versions tab shows the cell that changed, before and after
            int activated = workbench.active().number();
            click(browser, "#tab-versions");
            assertThat(browser.waitFor("document.querySelector('tr[data-version=\"" + activated + "\"]') !== null", WAIT)).isTrue();
            click(browser, "tr[data-version=\"" + activated + "\"]");
            assertThat(browser.waitFor("document.querySelector('table.cell-diff[data-file=\"discounts.drl.csv\"]') !== null", WAIT))
                    .isTrue();
            assertThat(text(browser, "table.cell-diff")).contains("Good payers get up to 10% off the principal in the first 29 days overdue",
                    "Discount on principal", "0.10", "0.12");
            browser.screenshot(shots.resolve("versions.png"));
        }

        int activated = workbench.active().number();
        assertThat(activated).isGreaterThan(before);
        assertThat(workbench.active().files().get("discounts.drl.csv")).contains("first 29 days overdue,GOOD_PAYER,,30,0.12,true,10");
        PolicyDecision next = engine.evaluate(goodPayerFifteenDaysLate());
        assertThat(next.policyNumber()).isEqualTo(activated);
        assertThat(next.offerTerms().getPrincipalDiscount()).isEqualByComparingTo("0.12");
    }

    @Test
    void aSpreadsheetEditedInExcelGivesTheSameChangeAndABadCellIsRefusedAtItsCell() throws Exception {
        assumeTrue(HeadlessChromium.available() || "true".equals(System.getenv("REGUA_TEST_BROWSER")), "no Chromium on this machine");
        Path shots = Path.of("target", "policy-table");
        byte[] downloaded = tables.xlsx("discounts.drl.csv", null);
        try (HeadlessChromium browser = new HeadlessChromium()) {
            openDiscounts(browser);

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

    private void openDiscounts(HeadlessChromium browser) throws Exception {
        assertThat(browser.signIn("http://localhost:" + port + "/policy", "manager", "manager")).isTrue();
        assertThat(browser.waitFor("document.querySelector('#files li[data-file=\"discounts.drl.csv\"]') !== null", WAIT)).isTrue();
        click(browser, "#files li[data-file=\"discounts.drl.csv\"]");
        assertThat(browser.waitFor("document.querySelector('#grid " + DISCOUNT.replace("\"", "\\\"") + "') !== null", WAIT)).isTrue();
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

    private static CaseFacts goodPayerFifteenDaysLate() {
        LocalDate due = LocalDate.of(2026, 3, 16);
        return CaseFacts.builder().receivableId("R-next").customerType(CustomerType.CONSUMER).state("SP")
                .principal(new BigDecimal("1500.00")).balance(new BigDecimal("1500.00")).issueDate(due.minusDays(10))
                .dueDate(due).today(due.plusDays(15)).hasEmail(true).hasPhone(true)
                .history(new PaymentHistory(5, 1, 2, 0, 0)).build();
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
        return browser.evaluate("document.querySelector(" + JSON.writeValueAsString(selector) + ").innerText").asText();
    }
}
