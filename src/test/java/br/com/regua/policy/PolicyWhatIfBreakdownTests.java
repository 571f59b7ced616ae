package br.com.regua.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.schedule.SimulationClock;
import br.com.regua.security.Role;
import br.com.regua.support.TestUsers;

/**
 * The what-if's "what changes", broken down: on a small portfolio of new customers, an edit that
 * makes new customers risky is simulated, and the test works out on its own, from the receivables'
 * views and the listed cases, what each segment × next stage group and the money totals must be.
 */
class PolicyWhatIfBreakdownTests extends PolicySpringTests {

    static final String NEW_ROW = "Customers we have never seen pay are new customers";

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    IdentityService identity;
    @Autowired
    ObjectMapper json;
    @Autowired
    PolicyWorkbench workbench;
    @Autowired
    SimulationClock simulationClock;
    TestRestTemplate manager;
    TestRestTemplate backend;

    /** A fixed Wednesday, so that what is overdue does not depend on the day the tests run. */
    @BeforeEach
    void wednesday() {
        simulationClock.moveTo(OffsetDateTime.parse("2026-11-25T10:00:00-03:00").toInstant());
        manager = TestUsers.as(Role.CREDIT_MANAGER, identity, anonymous);
        backend = TestUsers.as(Role.INTEGRATION, identity, anonymous);
    }

    @AfterEach
    void backToTheDefaultPolicy() {
        if (workbench.active().number() != 1) {
            workbench.activate(1, "tests", "back to the default policy");
        }
    }

    @Test
    void whatChangesIsCountedBySegmentAndNextStageWithTheMoneyOfTheCasesConcerned() throws Exception {
        // not yet due, 5 days late, 55 days late: all new customers
        Map<String, String> owed = new LinkedHashMap<>();
        owed.put(register("breakdown-due", "800.00", LocalDate.of(2026, 12, 10)), "800.00");
        owed.put(register("breakdown-5", "1234.56", LocalDate.of(2026, 11, 20)), "1234.56");
        owed.put(register("breakdown-55", "2500.00", LocalDate.of(2026, 10, 1)), "2500.00");

        ResponseEntity<JsonNode> response = simulate(JsonNode.class, MediaType.APPLICATION_JSON, 1000);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode report = response.getBody().get("report");
        List<JsonNode> cases = new ArrayList<>();
        report.get("firstChanged").forEach(cases::add);
        assertThat(cases).hasSize(report.get("changed").asInt());
        Map<String, JsonNode> byId = new HashMap<>();
        cases.forEach(c -> byId.put(c.get("externalId").asText(), c));

        // each case of ours: its balance, what its offer gives before and after, and why it changed
        for (var e : owed.entrySet()) {
            JsonNode c = byId.get(e.getKey());
            assertThat(c).as(e.getKey()).isNotNull();
            JsonNode charges = manager.getForEntity("/api/receivables/" + e.getKey(), JsonNode.class).getBody().get("charges");
            BigDecimal fineAndInterest = dec(charges.get("fine")).add(dec(charges.get("interest")));
            assertThat(dec(c.get("balance"))).isEqualByComparingTo(e.getValue());
            assertThat(c.get("before").get("segment").asText()).isEqualTo("NEW_CUSTOMER");
            assertThat(c.get("after").get("segment").asText()).isEqualTo("RISKY");
            // a new customer's offer waives the charges of today; a risky customer's keeps them
            assertThat(dec(c.get("before").get("chargesWaived"))).isEqualByComparingTo(fineAndInterest);
            assertThat(dec(c.get("after").get("chargesWaived"))).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(c.get("rulesOnlyBefore")).extracting(JsonNode::asText).contains("New customers get one day of grace");
            assertThat(c.get("rulesOnlyAfter")).extracting(JsonNode::asText).contains("Risky customers get no grace");
            assertThat(c.get("editedRules")).extracting(JsonNode::asText).containsExactly(NEW_ROW);
            assertThat(c.get("explanation").asText()).contains("«Risky customers get no grace»")
                    .contains("«" + NEW_ROW + "» (Segment: NEW_CUSTOMER → RISKY)");
        }
        assertThat(dec(byId.get("breakdown-55").get("before").get("chargesWaived"))).isPositive();
        assertThat(report.get("editedRows").get(NEW_ROW).asText()).isEqualTo("Segment: NEW_CUSTOMER → RISKY");

        // the groups, worked out again from the listed cases: by segment and next stage under the active policy
        Map<String, Expected> expected = new LinkedHashMap<>();
        for (JsonNode c : cases) {
            JsonNode before = c.get("before");
            JsonNode after = c.get("after");
            Expected g = expected.computeIfAbsent(before.get("segment").asText() + "/" + before.get("nextStage").asText(),
                    k -> new Expected());
            g.changed++;
            g.segmentChanged += before.get("segment").equals(after.get("segment")) ? 0 : 1;
            g.nextStageChanged += before.get("nextStage").equals(after.get("nextStage")) ? 0 : 1;
            g.balance = g.balance.add(dec(c.get("balance")));
            g.discountBefore = g.discountBefore.add(dec(before.get("principalDiscount")));
            g.discountAfter = g.discountAfter.add(dec(after.get("principalDiscount")));
            g.waivedBefore = g.waivedBefore.add(dec(before.get("chargesWaived")));
            g.waivedAfter = g.waivedAfter.add(dec(after.get("chargesWaived")));
            int moved = compare(day(after), day(before));
            g.earlier = g.earlier.add(moved < 0 ? dec(c.get("balance")) : BigDecimal.ZERO);
            g.later = g.later.add(moved > 0 ? dec(c.get("balance")) : BigDecimal.ZERO);
        }
        int cased = 0;
        int changedInGroups = 0;
        for (JsonNode group : report.get("breakdown")) {
            cased += group.get("cases").asInt();
            changedInGroups += group.get("changed").asInt();
            Expected g = expected.get(group.get("segment").asText() + "/" + group.get("nextStage").asText());
            if (g == null) {
                assertThat(group.get("changed").asInt()).as("a group no listed case belongs to").isZero();
                continue;
            }
            String key = group.get("segment").asText() + "/" + group.get("nextStage").asText();
            JsonNode money = group.get("money");
            assertThat(group.get("changed").asInt()).as(key).isEqualTo(g.changed);
            assertThat(group.get("segmentChanged").asInt()).as(key).isEqualTo(g.segmentChanged);
            assertThat(group.get("nextStageChanged").asInt()).as(key).isEqualTo(g.nextStageChanged);
            assertThat(dec(money.get("balance"))).as(key).isEqualByComparingTo(g.balance);
            assertThat(dec(money.get("discountBefore"))).as(key).isEqualByComparingTo(g.discountBefore);
            assertThat(dec(money.get("discountAfter"))).as(key).isEqualByComparingTo(g.discountAfter);
            assertThat(dec(money.get("chargesWaivedBefore"))).as(key).isEqualByComparingTo(g.waivedBefore);
            assertThat(dec(money.get("chargesWaivedAfter"))).as(key).isEqualByComparingTo(g.waivedAfter);
            assertThat(dec(money.get("balanceContactedEarlier"))).as(key).isEqualByComparingTo(g.earlier);
            assertThat(dec(money.get("balanceContactedLater"))).as(key).isEqualByComparingTo(g.later);
        }
        assertThat(cased).isEqualTo(report.get("evaluated").asInt());
        assertThat(changedInGroups).isEqualTo(report.get("changed").asInt());
        assertThat(report.get("breakdown").findValuesAsText("segment")).contains("NEW_CUSTOMER");

        // the totals are the groups' sums; our three cases are in them
        JsonNode money = report.get("money");
        assertThat(dec(money.get("balance"))).isEqualByComparingTo(sum(expected, g -> g.balance))
                .isGreaterThanOrEqualTo(new BigDecimal("4534.56"));
        assertThat(dec(money.get("chargesWaivedBefore"))).isEqualByComparingTo(sum(expected, g -> g.waivedBefore)).isPositive();
        assertThat(dec(money.get("chargesWaivedAfter"))).isEqualByComparingTo(sum(expected, g -> g.waivedAfter));
        assertThat(dec(money.get("discountBefore"))).isEqualByComparingTo(sum(expected, g -> g.discountBefore));
        assertThat(dec(money.get("balanceContactedEarlier"))).isEqualByComparingTo(sum(expected, g -> g.earlier));
        assertThat(dec(money.get("balanceContactedLater"))).isEqualByComparingTo(sum(expected, g -> g.later));
        assertThat(workbench.active().number()).as("a what-if changes nothing").isEqualTo(1);
    }

    @Test
    void withAcceptTextCsvTheChangedCasesComeOneRowEachWithTheirExplanation() throws Exception {
        register("breakdown-csv", "640.00", LocalDate.of(2026, 11, 2));

        ResponseEntity<String> response = simulate(String.class, MediaType.parseMediaType("text/csv"), 1000);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<List<String>> rows = parse(response.getBody());
        assertThat(rows.get(0)).containsExactly("id", "segment_before", "segment_after", "next_stage_before", "next_stage_after",
                "date_before", "date_after", "discount_before", "discount_after", "charges_waived_before", "charges_waived_after",
                "explanation");
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r).hasSize(12));
        List<String> ours = rows.stream().filter(r -> r.get(0).equals("breakdown-csv")).findFirst().orElseThrow();
        assertThat(ours.subList(1, 3)).containsExactly("NEW_CUSTOMER", "RISKY");
        LocalDate.parse(ours.get(5));
        assertThat(new BigDecimal(ours.get(9))).isPositive();
        assertThat(new BigDecimal(ours.get(10))).isEqualByComparingTo(BigDecimal.ZERO);
        // the explanation holds commas and «quotes»: it comes back whole from its quoted cell
        assertThat(ours.get(11)).contains("«Risky customers get no grace»", "«" + NEW_ROW + "» (Segment: NEW_CUSTOMER → RISKY)");

        ResponseEntity<String> limited = simulate(String.class, MediaType.parseMediaType("text/csv"), 1);
        assertThat(parse(limited.getBody())).hasSize(2);
        // a bad limit is refused as for JSON, naming the field
        ResponseEntity<String> refused = simulate(String.class, MediaType.parseMediaType("text/csv"), 5000);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("limit");
    }

    @Test
    void theOpenApiDocumentShowsTheWhatIfAsJsonAndAsCsvWithAnExample() {
        JsonNode simulate = manager.getForEntity("/v3/api-docs", JsonNode.class).getBody()
                .get("paths").get("/api/policy/simulate").get("post");

        JsonNode ok = simulate.get("responses").get("200").get("content");
        assertThat(ok.has("application/json")).isTrue();
        assertThat(ok.get("text/csv").get("example").asText()).startsWith("id,segment_before,segment_after,")
                .contains("Grace days: 5 → 7");
        assertThat(simulate.get("requestBody").get("content").get("application/json").get("example").get("files").has("grace.drl.csv"))
                .isTrue();
    }

    @Test
    void aPunctualityDiscountOrAProrrogacionGrantedToNewCustomersChangesTheOffersOfTheCasesItReaches() throws Exception {
        // a new customer's receivable not yet due, and one already overdue: the discount only helps before the due date
        register("punctual-due", "1000.00", LocalDate.of(2026, 12, 10));
        register("punctual-late", "1000.00", LocalDate.of(2026, 11, 20));
        String punctuality = workbench.active().files().get("punctuality.drl.csv")
                .replace("New customers get no punctuality discount,NEW_CUSTOMER,0,", "New customers get no punctuality discount,NEW_CUSTOMER,0.03,");
        String extensions = workbench.active().files().get("extensions.drl.csv");
        assertThat(punctuality).contains("NEW_CUSTOMER,0.03,");

        JsonNode report = simulateFiles(Map.of("punctuality.drl.csv", punctuality)).get("report");
        Map<String, JsonNode> byId = new HashMap<>();
        report.get("firstChanged").forEach(c -> byId.put(c.get("externalId").asText(), c));
        JsonNode due = byId.get("punctual-due");
        assertThat(due).as("the case not yet due").isNotNull();
        assertThat(due.get("changes")).extracting(JsonNode::asText).contains("punctualityDiscount");
        assertThat(dec(due.get("before").get("punctualityDiscount"))).isEqualByComparingTo("0.00");
        assertThat(dec(due.get("after").get("punctualityDiscount"))).isEqualByComparingTo("30.00");
        assertThat(byId).as("past its due date a debtor is owed no punctuality discount").doesNotContainKey("punctual-late");

        // new customers may move their due date: every new customer's case now has a prorrogação to offer
        String moreDays = extensions.lines().map(l -> l.startsWith("New customers") ? newCustomersExtend(l) : l)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        JsonNode extended = simulateFiles(Map.of("extensions.drl.csv", moreDays)).get("report");
        Map<String, JsonNode> extendedById = new HashMap<>();
        extended.get("firstChanged").forEach(c -> extendedById.put(c.get("externalId").asText(), c));
        assertThat(extendedById.get("punctual-due").get("changes")).extracting(JsonNode::asText).contains("extension");
        assertThat(extendedById.get("punctual-due").get("after").get("extensionDays").asInt()).isEqualTo(10);
        assertThat(extendedById.get("punctual-due").get("before").get("extensionDays").asInt()).isZero();
    }

    /** The new customers' row of the extensions table, turned into "allowed, 10 days, once". */
    private static String newCustomersExtend(String row) {
        List<String> cells = new ArrayList<>(List.of(row.split(",", -1)));
        int allowed = cells.indexOf("false");
        cells.set(allowed, "true");
        cells.set(allowed + 1, "10");
        cells.set(allowed + 2, "1");
        return String.join(",", cells);
    }

    private JsonNode simulateFiles(Map<String, String> files) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = json.writeValueAsString(Map.of("files", files));
        ResponseEntity<JsonNode> response = manager.exchange("/api/policy/simulate?limit=1000", HttpMethod.POST,
                new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    // --- helpers

    private <T> ResponseEntity<T> simulate(Class<T> type, MediaType accept, int limit) throws Exception {
        String segmentation = workbench.active().files().get("segmentation.drl.csv")
                .replace("are new customers,true,,,,,,segment,NEW_CUSTOMER", "are new customers,true,,,,,,segment,RISKY");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(accept));
        String body = json.writeValueAsString(Map.of("files", Map.of("segmentation.drl.csv", segmentation)));
        return manager.exchange("/api/policy/simulate?limit=" + limit, HttpMethod.POST, new HttpEntity<>(body, headers), type);
    }

    private String register(String id, String amount, LocalDate due) {
        String body = """
                {"externalId": "%s",
                 "customer": {"externalId": "cust-%s", "name": "Joana Prado", "document": "529.982.247-25",
                              "type": "CONSUMER", "email": "joana@example.com", "state": "MG"},
                 "amount": "%s", "issueDate": "%s", "dueDate": "%s"}""".formatted(id, id, amount, due.minusDays(30), due);
        assertThat(PolicyWorkbenchTests.send(backend, HttpMethod.POST, "/api/receivables", body).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        return id;
    }

    private static final class Expected {
        int changed;
        int segmentChanged;
        int nextStageChanged;
        BigDecimal balance = BigDecimal.ZERO;
        BigDecimal discountBefore = BigDecimal.ZERO;
        BigDecimal discountAfter = BigDecimal.ZERO;
        BigDecimal waivedBefore = BigDecimal.ZERO;
        BigDecimal waivedAfter = BigDecimal.ZERO;
        BigDecimal earlier = BigDecimal.ZERO;
        BigDecimal later = BigDecimal.ZERO;
    }

    private static BigDecimal sum(Map<String, Expected> groups, Function<Expected, BigDecimal> amount) {
        return groups.values().stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal dec(JsonNode n) {
        return new BigDecimal(n.asText());
    }

    private static LocalDate day(JsonNode outcome) {
        JsonNode at = outcome.get("nextContactAt");
        return at == null || at.isNull() ? null : java.time.ZonedDateTime.parse(at.asText()).toLocalDate();
    }

    /** As the what-if orders them: no next contact comes after any date. */
    private static int compare(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? 1 : -1;
        }
        return a.compareTo(b);
    }

    /** RFC 4180: cells separated by commas, quoted when they hold a comma, a quote or a line break. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n') {
                row.add(cell.toString().replaceAll("\r$", ""));
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        assertThat(quoted).as("every quoted cell is closed").isFalse();
        assertThat(cell.toString()).as("the last row ends with a line break").isEmpty();
        return rows;
    }
}
