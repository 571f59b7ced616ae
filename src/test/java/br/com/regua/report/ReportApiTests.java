package br.com.regua.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.policy.PolicyWorkbench;
import br.com.regua.security.Role;

/**
 * The aging report and the receivables list over HTTP, against a portfolio whose charges the test
 * worked out by hand ({@link ReportPortfolio}): totals to the cent, a date in the past, CSV that
 * parses, filters and pages, and bad parameters refused by name.
 */
class ReportApiTests extends ReportSpringTests {

    @Autowired
    ObjectMapper json;
    @Autowired
    PolicyWorkbench workbench;

    @BeforeEach
    void theHandWorkedPortfolioOnTuesdayMarch10() {
        ReportPortfolio.register(this);
        setClock("2026-03-10T10:00:00-03:00");
    }

    @Test
    void agingTotalsAreTheSumOfEachReceivablesOwnChargesToTheCent() throws Exception {
        JsonNode report = getJson(Role.CREDIT_MANAGER, "/api/reports/aging");

        assertThat(report.get("asOf").asText()).as("today, by the server's clock").isEqualTo("2026-03-10");
        assertTotals(report.get("total"), ReportPortfolio.ON_MARCH_10);
        assertThat(dec(report.get("total").get("total"))).isEqualByComparingTo("3080.97");
        for (JsonNode bucket : report.get("buckets")) {
            List<ReportPortfolio.Owed> in = ReportPortfolio.ON_MARCH_10.stream()
                    .filter(o -> o.bucket().equals(bucket.get("bucket").asText())).toList();
            assertTotals(bucket.get("amounts"), in);
        }
        // the same figures as each receivable's own view shows today
        BigDecimal viewsTotal = BigDecimal.ZERO;
        for (ReportPortfolio.Owed owed : ReportPortfolio.ON_MARCH_10) {
            JsonNode charges = getJson(Role.CREDIT_MANAGER, "/api/receivables/" + owed.externalId()).get("charges");
            assertThat(dec(charges.get("fine"))).as(owed.externalId()).isEqualByComparingTo(owed.fine());
            assertThat(dec(charges.get("interest"))).as(owed.externalId()).isEqualByComparingTo(owed.interest());
            viewsTotal = viewsTotal.add(dec(charges.get("total")));
        }
        assertThat(dec(report.get("total").get("total"))).isEqualByComparingTo(viewsTotal);
    }

    @Test
    void theBucketsAreThePolicysInOrderOfDaysOverdue() throws Exception {
        JsonNode buckets = getJson(Role.ANALYST, "/api/reports/aging").get("buckets");

        assertThat(buckets).extracting(b -> b.get("bucket").asText())
                .containsExactly("Not yet due", "1-30 days", "31-60 days", "61-90 days", "91-180 days", "Over 180 days");
        assertThat(buckets).extracting(b -> b.get("amounts").get("count").asInt()).containsExactly(1, 1, 2, 0, 0, 1);
        assertThat(buckets.get(3).get("amounts").get("total").asText()).as("an empty bucket shows zero").isEqualTo("0.00");
    }

    @Test
    void bySegmentAndByStageAddUpToTheTotalAndFollowEachReceivablesOwnSegmentAndStage() throws Exception {
        JsonNode report = getJson(Role.CREDIT_MANAGER, "/api/reports/aging");
        Map<String, BigDecimal> byStage = new HashMap<>();
        Map<String, BigDecimal> bySegment = new HashMap<>();
        Map<String, String> stageNames = new HashMap<>();
        for (ReportPortfolio.Owed owed : ReportPortfolio.ON_MARCH_10) {
            JsonNode view = getJson(Role.CREDIT_MANAGER, "/api/receivables/" + owed.externalId());
            byStage.merge(view.get("stage").asText(), owed.totalValue(), BigDecimal::add);
            stageNames.put(view.get("stage").asText(), view.get("stageName").asText());
            bySegment.merge(view.path("segment").asText("null"), owed.totalValue(), BigDecimal::add);
        }

        assertThat(lines(report.get("stages"))).isEqualTo(plain(byStage));
        assertThat(lines(report.get("segments"))).isEqualTo(plain(bySegment));
        // a stage reads as the process names it, as in the receivable's own view
        report.get("stages").forEach(line -> assertThat(line.get("name").asText()).isEqualTo(stageNames.get(line.get("key").asText())));
    }

    @Test
    void agingOnADateInThePastCountsWhatWasIssuedByThenWithChargesOfThatDay() throws Exception {
        JsonNode report = getJson(Role.CREDIT_MANAGER, "/api/reports/aging?asOf=2026-02-15");

        assertThat(report.get("asOf").asText()).isEqualTo("2026-02-15");
        assertTotals(report.get("total"), ReportPortfolio.ON_FEBRUARY_15);
        assertThat(dec(report.get("total").get("total"))).isEqualByComparingTo("2544.36");
        for (JsonNode bucket : report.get("buckets")) {
            assertTotals(bucket.get("amounts"), ReportPortfolio.ON_FEBRUARY_15.stream()
                    .filter(o -> o.bucket().equals(bucket.get("bucket").asText())).toList());
        }
    }

    @Test
    void agingAsCsvParsesWithOneRowPerBucketSegmentAndStageAndTheTotalLast() throws Exception {
        JsonNode report = getJson(Role.CREDIT_MANAGER, "/api/reports/aging");
        ResponseEntity<String> response = getCsv(Role.CREDIT_MANAGER, "/api/reports/aging");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<Map<String, String>> rows = Csv.parse(response.getBody());
        assertThat(rows).hasSize(report.get("buckets").size() + report.get("segments").size() + report.get("stages").size() + 1);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("as_of")).isEqualTo("2026-03-10");
            for (String amount : List.of("principal", "fine", "interest", "total")) {
                assertThat(row.get(amount)).as(amount).matches("\\d+\\.\\d{2}");
            }
        });
        Map<String, String> total = rows.get(rows.size() - 1);
        assertThat(total).containsEntry("dimension", "total").containsEntry("count", "5").containsEntry("total", "3080.97");
        BigDecimal buckets = rows.stream().filter(r -> r.get("dimension").equals("bucket")).map(r -> new BigDecimal(r.get("total")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(buckets).isEqualByComparingTo("3080.97");
        assertThat(rows.get(0)).containsEntry("key", "Not yet due").containsEntry("from_day", "").containsEntry("to_day", "0");
    }

    @Test
    void theListPagesInDueDateOrderWithEachReceivablesChargesOfToday() throws Exception {
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode body = getJson(Role.COLLECTOR, "/api/receivables?size=2&page=" + page);
            assertThat(body.get("totalElements").asLong()).isEqualTo(6);
            assertThat(body.get("totalPages").asInt()).isEqualTo(3);
            body.get("items").forEach(i -> seen.add(i.get("externalId").asText()));
        }
        assertThat(seen).isEqualTo(ReportPortfolio.BY_DUE_DATE);
        assertThat(getJson(Role.COLLECTOR, "/api/receivables?size=2&page=3").get("items")).isEmpty();

        JsonNode partial = getJson(Role.INTEGRATION, "/api/receivables?customer=cust-rep-partial").get("items").get(0);
        assertThat(partial.get("daysOverdue").asInt()).isEqualTo(60);
        assertThat(dec(partial.get("amount"))).isEqualByComparingTo("1000.00");
        assertThat(dec(partial.get("principal"))).isEqualByComparingTo("930.00");
        assertThat(dec(partial.get("interest"))).isEqualByComparingTo("9.30");
        assertThat(dec(partial.get("total"))).isEqualByComparingTo("939.30");
    }

    @Test
    void theListFiltersByStatusOverdueDaysCustomerSegmentAndStage() throws Exception {
        assertThat(ids("/api/receivables?status=PAID")).containsExactly("rep-paid");
        assertThat(ids("/api/receivables?status=open")).as("any case").containsExactly("rep-200", "rep-partial", "rep-45", "rep-15",
                "rep-not-due");
        assertThat(ids("/api/receivables?overdueMin=45")).as("45 days is at least 45").containsExactly("rep-200", "rep-partial",
                "rep-45");
        assertThat(ids("/api/receivables?overdueMin=46")).containsExactly("rep-200", "rep-partial");
        assertThat(ids("/api/receivables?customer=cust-rep-15")).containsExactly("rep-15");
        assertThat(ids("/api/receivables?customer=cust-nobody")).isEmpty();

        JsonNode view = getJson(Role.CREDIT_MANAGER, "/api/receivables/rep-45");
        String stage = view.get("stage").asText();
        String segment = view.get("segment").asText();
        List<String> sameStage = ReportPortfolio.BY_DUE_DATE.stream().filter(id -> stageOf(id).equals(stage)).toList();
        List<String> sameSegment = ReportPortfolio.BY_DUE_DATE.stream().filter(id -> segmentOf(id).equals(segment)).toList();
        assertThat(ids("/api/receivables?stage=" + stage)).isEqualTo(sameStage);
        assertThat(ids("/api/receivables?segment=" + segment)).isEqualTo(sameSegment);
        assertThat(ids("/api/receivables?stage=" + stage + "&segment=" + segment + "&status=OPEN")).contains("rep-45")
                .doesNotContain("rep-paid");
    }

    @Test
    void theListAsCsvHasAHeaderAndOneRowPerReceivableQuotingWhatHoldsACommaAndDecimalPoints() throws Exception {
        ResponseEntity<String> response = getCsv(Role.ANALYST, "/api/receivables?overdueMin=1");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, String>> rows = Csv.parse(response.getBody());
        assertThat(rows).extracting(r -> r.get("external_id")).containsExactly("rep-200", "rep-partial", "rep-45", "rep-paid", "rep-15");
        assertThat(rows.get(0)).containsEntry("customer_name", "Aurora Comércio, Ltda").containsEntry("amount", "250.00")
                .containsEntry("fine", "5.00").containsEntry("interest", "16.67").containsEntry("total", "271.67")
                .containsEntry("days_overdue", "200").containsEntry("due_date", "2025-08-22");
    }

    @ParameterizedTest(name = "{0}={1} is refused naming {0}")
    @CsvSource({"status,SOMETIMES", "stage,no stage", "segment,VIP", "customer,a/b", "overdueMin,many", "page,-1", "size,0",
            "size,501"})
    void aBadListParameterIsRefusedNamingIt(String parameter, String value) throws Exception {
        ResponseEntity<String> response = as(Role.CREDIT_MANAGER).exchange("/api/receivables?{p}={v}", HttpMethod.GET,
                new HttpEntity<>(json()), String.class, parameter, value);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).get("field").asText()).isEqualTo(parameter);
    }

    @Test
    void aDateThatIsNotADateIsRefusedNamingAsOfAlsoWhenCsvWasAsked() throws Exception {
        for (ResponseEntity<String> response : List.of(
                as(Role.CREDIT_MANAGER).exchange("/api/reports/aging?asOf=31/03/2026", HttpMethod.GET, new HttpEntity<>(json()), String.class),
                getCsv(Role.CREDIT_MANAGER, "/api/reports/aging?asOf=2026-02-30"))) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody()).contains("asOf");
        }
    }

    @Test
    void bucketsThatLeaveADayOutAnswer422NamingThePolicyNotAReportMissingMoney() throws Exception {
        int before = workbench.active().number();
        String table = workbench.active().files().get("aging.drl.csv");
        // the scenarios of days 31 and 60 would refuse this edit: a careless manager removed them too
        String scenarios = workbench.active().files().get("scenarios/aging.csv").lines()
                .filter(line -> !line.contains("of the second month")).collect(Collectors.joining("\n"));
        workbench.change("tests", "day 31 left out", Map.of("aging.drl.csv", table.replace(
                "Debts 31 to 60 days overdue,aging,31-60 days,31,60", "Debts 32 to 60 days overdue,aging,32-60 days,32,60"),
                "scenarios/aging.csv", scenarios));
        try {
            ResponseEntity<String> response = as(Role.CREDIT_MANAGER).exchange("/api/reports/aging", HttpMethod.GET,
                    new HttpEntity<>(json()), String.class);

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            JsonNode problem = json.readTree(response.getBody());
            assertThat(problem.get("field").asText()).isEqualTo("policy");
            assertThat(problem.get("detail").asText()).contains("1-30 days and 32-60 days leave a gap");
        } finally {
            workbench.activate(before, "tests", "back to the tested buckets");
        }
    }

    // --- helpers

    private void assertTotals(JsonNode amounts, List<ReportPortfolio.Owed> expected) {
        assertThat(amounts.get("count").asInt()).isEqualTo(expected.size());
        assertThat(dec(amounts.get("principal"))).isEqualByComparingTo(sum(expected, ReportPortfolio.Owed::principal));
        assertThat(dec(amounts.get("fine"))).isEqualByComparingTo(sum(expected, ReportPortfolio.Owed::fine));
        assertThat(dec(amounts.get("interest"))).isEqualByComparingTo(sum(expected, ReportPortfolio.Owed::interest));
        assertThat(dec(amounts.get("total"))).isEqualByComparingTo(sum(expected, ReportPortfolio.Owed::total));
    }

    /** Money comes as a string with two decimals. */
    private static BigDecimal dec(JsonNode amount) {
        return new BigDecimal(amount.asText());
    }

    private static BigDecimal sum(List<ReportPortfolio.Owed> owed, java.util.function.Function<ReportPortfolio.Owed, String> field) {
        return owed.stream().map(o -> new BigDecimal(field.apply(o))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Map<String, String> lines(JsonNode lines) {
        Map<String, String> map = new HashMap<>();
        lines.forEach(l -> map.put(l.get("key").isNull() ? "null" : l.get("key").asText(), l.get("amounts").get("total").asText()));
        return map;
    }

    private static Map<String, String> plain(Map<String, BigDecimal> totals) {
        return totals.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().setScale(2).toPlainString()));
    }

    private String stageOf(String id) {
        return getJsonUnchecked("/api/receivables/" + id).get("stage").asText();
    }

    private String segmentOf(String id) {
        return getJsonUnchecked("/api/receivables/" + id).path("segment").asText("null");
    }

    private List<String> ids(String path) throws Exception {
        List<String> ids = new ArrayList<>();
        getJson(Role.CREDIT_MANAGER, path).get("items").forEach(i -> ids.add(i.get("externalId").asText()));
        return ids;
    }

    private JsonNode getJsonUnchecked(String path) {
        try {
            return getJson(Role.CREDIT_MANAGER, path);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode getJson(Role role, String path) throws Exception {
        ResponseEntity<String> response = as(role).exchange(path, HttpMethod.GET, new HttpEntity<>(json()), String.class);
        assertThat(response.getStatusCode()).as(path + " " + response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private ResponseEntity<String> getCsv(Role role, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/csv");
        return as(role).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "application/json");
        return headers;
    }
}
