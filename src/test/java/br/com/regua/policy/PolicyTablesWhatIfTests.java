package br.com.regua.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import br.com.regua.schedule.PolicyWhatIf;
import br.com.regua.schedule.SimulationClock;
import br.com.regua.security.Role;
import br.com.regua.support.TestUsers;

/**
 * The what-if a credit manager runs before activating, run on the move of the policy's numbers into
 * decision tables: a registered portfolio of varied cases (new customers, good payers and regular
 * customers; consumers and businesses; four states; small to large balances; not yet due to half a
 * year late) decided by the policy before the move, which is active, and by the policy of
 * {@code rules/}, shows no change at all. Risky debtors and opt-outs, which need a longer history to
 * register, are compared case by case in {@link PolicyTablesNeutralityTests}.
 */
class PolicyTablesWhatIfTests extends PolicySpringTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    // states whose bureau wait is the 10 days of the policy before the move: São Paulo now waits 20 (a row of its own)
    static final List<String> STATES = List.of("BA", "RJ", "MG", "");
    static final List<String> AMOUNTS = List.of("40.00", "499.99", "1000.00", "2500.00", "12000.00");
    static final List<Integer> DAYS_OVERDUE = List.of(-10, -3, 0, 1, 3, 6, 12, 16, 31, 46, 61, 95, 200);

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    IdentityService identity;
    @Autowired
    PolicyWorkbench workbench;
    @Autowired
    PolicyWhatIf whatIf;
    @Autowired
    SimulationClock simulationClock;

    @Test
    void theWhatIfOfTheMoveIntoTablesShowsNoChangeOnAVariedPortfolio() {
        simulationClock.moveTo(OffsetDateTime.parse("2026-11-25T10:00:00-03:00").toInstant());
        TestRestTemplate backend = TestUsers.as(Role.INTEGRATION, identity, anonymous);
        if (workbench.active().number() != 1) {
            workbench.activate(1, "tests", "back to the policy before the move");
        }
        assertThat(workbench.active().files()).isEqualTo(FrozenPolicy.compiled().files());
        int registered = 0;
        for (String kind : List.of("new", "good", "regular")) {
            for (String type : List.of("CONSUMER", "BUSINESS")) {
                for (int i = 0; i < DAYS_OVERDUE.size(); i++) {
                    String customer = "tables-" + kind + "-" + type + "-" + i;
                    String state = STATES.get((i + type.length()) % STATES.size());
                    // a history of bills paid on time: three make a good payer, two a regular customer
                    int paid = kind.equals("good") ? 3 : kind.equals("regular") ? 2 : 0;
                    for (int p = 0; p < paid; p++) {
                        String bill = customer + "-paid-" + p;
                        register(backend, bill, customer, type, state, "300.00", TODAY.plusDays(5));
                        send(backend, "/api/payments", """
                                {"externalId": "pay-%s", "receivableExternalId": "%s", "amount": "300.00", "method": "PIX",
                                 "paidAt": "2026-11-25T09:00:00-03:00"}""".formatted(bill, bill), HttpStatus.CREATED);
                    }
                    register(backend, customer + "-open", customer, type, state, AMOUNTS.get((i + kind.length()) % AMOUNTS.size()),
                            TODAY.minusDays(DAYS_OVERDUE.get(i)));
                    registered++;
                }
            }
        }

        // the portfolio holds every segment it was built for
        TestRestTemplate manager = TestUsers.as(Role.CREDIT_MANAGER, identity, anonymous);
        java.util.Set<String> segments = new java.util.TreeSet<>();
        for (String kind : List.of("new", "good", "regular")) {
            segments.add(manager.getForEntity("/api/receivables/tables-" + kind + "-CONSUMER-3-open",
                    com.fasterxml.jackson.databind.JsonNode.class).getBody().get("segment").asText());
        }
        assertThat(segments).containsExactly("GOOD_PAYER", "NEW_CUSTOMER", "REGULAR");

        // the offers that came after the move (punctuality discount, prorrogação) are new policy, not part of the move:
        // the tests' policy has its own rates for them, which the candidate takes too
        java.util.Map<String, String> moved = new java.util.TreeMap<>(CompiledPolicy.fromDirectory(Path.of("rules")).files());
        for (String later : List.of("punctuality.drl.csv", "extensions.drl.csv")) {
            assertThat(moved.put(later, FrozenPolicy.compiled().files().get(later))).as(later).isNotNull();
        }
        PolicyWhatIf.Report report = whatIf.simulate(CompiledPolicy.compile(moved), 1000);

        assertThat(report.errors()).isZero();
        assertThat(report.evaluated()).isGreaterThanOrEqualTo(registered);
        assertThat(report.firstChanged()).isEmpty();
        assertThat(report.changed()).isZero();
        assertThat(report.discountOfferedAfter()).isEqualByComparingTo(report.discountOfferedBefore())
                .isGreaterThan(BigDecimal.ZERO);
    }

    private static void register(TestRestTemplate backend, String id, String customer, String type, String state, String amount,
                                 LocalDate due) {
        String document = type.equals("CONSUMER") ? "529.982.247-25" : "14.572.457/0001-85";
        send(backend, "/api/receivables", """
                {"externalId": "%s",
                 "customer": {"externalId": "%s", "name": "Cliente %s", "document": "%s", "type": "%s",
                              "email": "cliente@example.com", "phone": "+55 11 99876-5432"%s},
                 "amount": "%s", "issueDate": "%s", "dueDate": "%s"}""".formatted(id, customer, customer, document, type,
                state.isEmpty() ? "" : ", \"state\": \"" + state + "\"", amount, due.minusDays(30), due), HttpStatus.CREATED);
    }

    private static void send(TestRestTemplate http, String path, String body, HttpStatus expected) {
        assertThat(PolicyWorkbenchTests.send(http, HttpMethod.POST, path, body).getStatusCode()).as(path + " " + body).isEqualTo(expected);
    }
}
