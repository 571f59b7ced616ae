package br.com.regua.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import br.com.regua.contact.DeliveryWorker;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.portal.PortalService;
import br.com.regua.promise.PromiseProcess;
import br.com.regua.receivable.NonPaymentReason;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.security.Role;
import br.com.regua.support.ReguaSpringTests;

/**
 * The recovery report over HTTP, for March 2026 asked in April: a small portfolio registered and
 * paid through the API while the simulation clock runs the schedule, e-mails going to a real SMTP
 * server. What the report should say is worked out here from what the test paid and from each
 * receivable's own view just before and after its payment, never from the report's queries.
 */
// a database of its own (the report adds up all of it); set here and not as a dynamic property, so that
// the PostgreSQL run's dynamic properties take the database over
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:regua-recovery-tests;DB_CLOSE_DELAY=-1",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.generate-unique-process-application-name=true",
        "camunda.bpm.job-execution.enabled=false",
        "regua.agreements.offer-secret=tests-only-offer-secret",
        "regua.webhooks.poll=false",
        "regua.rules-dir=src/test/resources/test-rules",
        "regua.pix.key=14572457000185", "regua.pix.merchant-name=Escola Aurora Ltda", "regua.pix.merchant-city=Campinas"})
class RecoveryReportApiTests extends ReguaSpringTests {

    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void email(DynamicPropertyRegistry r) {
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        r.add("regua.contact.email.from", () -> "Escola Aurora <cobranca@aurora.example>");
        r.add("regua.contact.delivery.poll", () -> "false");
    }

    /** One payment as the test made it: what was paid, and the receivable's view just before and after. */
    record Paid(String receivable, BigDecimal amount, BigDecimal principalBefore, BigDecimal principalAfter, String stage,
                String stageName, String segment, boolean mailedBefore) {
        BigDecimal principal() {
            return principalBefore.subtract(principalAfter);
        }
    }

    static final List<Paid> PAID = new ArrayList<>();
    /** The test class whose server holds {@link #PAID}: the PostgreSQL run registers the portfolio again on its own. */
    static Class<?> registeredBy;
    static int emailsSent;
    static int policyNumber;
    /** What rec-f's accepted offer took off, as the offer showed it to the debtor. */
    static BigDecimal discount;
    static BigDecimal waivedCharges;
    static BigDecimal agreementTotal;

    @Autowired
    ObjectMapper json;
    @Autowired
    DeliveryWorker worker;
    @Autowired
    PolicyEngine policy;
    @Autowired
    PortalService portal;
    @Autowired
    ReceivableRepository receivables;

    /**
     * Registered on Monday 2 March 2026: rec-a 1,500.00, rec-b 800.00 and rec-c 600.00 due on the
     * 16th; rec-d 400.00 due 20 February and rec-e 250.00 due 10 February, both overdue when March
     * begins; rec-april 300.00 due in April. rec-b pays 300.00 before it is due and rec-d all it
     * owes that day; rec-a's schedule runs to the 20th, e-mailing the debtor, and rec-a pays in full;
     * rec-c promises 200.00 and pays it (kept); rec-e promises 100.00 and pays nothing (broken);
     * rec-f 1,000.00, due 10 February, takes the pay-now offer with its discount and pays it (kept).
     */
    @BeforeEach
    void marchOfPaymentsAskedInApril() throws Exception {
        synchronized (RecoveryReportApiTests.class) {
            if (registeredBy == getClass()) {
                setClock("2026-04-06T10:00:00-03:00");
                return;
            }
            PAID.clear();
            registeredBy = getClass();
            SMTP.purgeEmailFromAllMailboxes();
            policyNumber = policy.active().number();
            setClock("2026-03-02T10:00:00-03:00");
            register("rec-a", "1500.00", "2026-03-01", "2026-03-16");
            register("rec-b", "800.00", "2026-03-01", "2026-03-16");
            register("rec-c", "600.00", "2026-03-01", "2026-03-16");
            register("rec-d", "400.00", "2026-02-01", "2026-02-20");
            register("rec-e", "250.00", "2026-02-01", "2026-02-10");
            register("rec-april", "300.00", "2026-03-01", "2026-04-10");
            register("rec-f", "1000.00", "2026-02-01", "2026-02-10");
            // what two debtors said on their page
            portal.tellWhy(receivables.findCustomer("cust-rec-a").orElseThrow().id(), NonPaymentReason.FORGOT, "test");
            portal.tellWhy(receivables.findCustomer("cust-rec-e").orElseThrow().id(), NonPaymentReason.LOST_INCOME, "test");

            pay("rec-b", new BigDecimal("300.00"));
            pay("rec-d", null);

            String caseA = caseOf("rec-a").getId();
            while (clock.instant().isBefore(OffsetDateTime.parse("2026-03-20T00:00:00-03:00").toInstant()) && fireNextTimer(caseA)) {
                deliverOutbox();
            }
            pay("rec-a", null);

            String kept = promise("rec-c", "200.00");
            pay("rec-c", new BigDecimal("200.00"));
            assertThat(promiseStatus("rec-c", kept)).isEqualTo("KEPT");

            String broken = promise("rec-e", "100.00");
            String promiseProcess = runtime.createProcessInstanceQuery().processDefinitionKey(PromiseProcess.KEY)
                    .processInstanceBusinessKey(broken).singleResult().getId();
            while (fireNextTimer(promiseProcess)) {
                // the reminder, then the end of the tolerance
            }
            assertThat(promiseStatus("rec-e", broken)).isEqualTo("BROKEN");

            JsonNode payNow = get("/api/receivables/rec-f/offers").get("offers").get(0);
            assertThat(payNow.get("kind").asText()).isEqualTo("PAY_NOW");
            discount = dec(payNow.at("/breakdown/discount"));
            waivedCharges = dec(payNow.at("/breakdown/waivedCharges"));
            agreementTotal = dec(payNow.get("total"));
            assertThat(discount).as("a discount to count").isPositive();
            String agreement = json.readTree(post("/api/agreements", """
                    {"offerId": "%s"}""".formatted(payNow.get("id").asText()))).get("id").asText();
            post("/api/payments", """
                    {"externalId": "pay-rec-f", "agreementId": "%s", "installment": 1, "amount": "%s", "method": "PIX", "paidAt": "%s"}"""
                    .formatted(agreement, agreementTotal.toPlainString(), OffsetDateTime.now(clock)));
            String agreementProcess = runtime.createProcessInstanceQuery().processInstanceBusinessKey(agreement).list().stream()
                    .findFirst().map(pi -> pi.getId()).orElse(null);
            while (agreementProcess != null && !get("/api/agreements/" + agreement).get("status").asText().equals("KEPT")
                    && management.createJobQuery().processInstanceId(agreementProcess).messages().count() > 0) {
                runContinuation(agreementProcess);
            }
            assertThat(get("/api/agreements/" + agreement).get("status").asText()).isEqualTo("KEPT");
            assertThat(clock.instant()).as("all of it in March").isBefore(OffsetDateTime.parse("2026-04-01T00:00:00-03:00").toInstant());
            deliverOutbox();
            emailsSent = SMTP.getReceivedMessages().length;
            setClock("2026-04-06T10:00:00-03:00");
        }
    }

    @Test
    void recoveredIsWhatTheDebtorsPaidAndDueIsWhatWasOwedWhenMarchBegan() throws Exception {
        JsonNode report = get("/api/reports/recovery?from=2026-03-01&to=2026-03-31");

        assertThat(report.get("from").asText()).isEqualTo("2026-03-01");
        assertThat(report.get("to").asText()).isEqualTo("2026-03-31");
        JsonNode recovered = report.get("recovered");
        assertThat(recovered.get("count").asInt()).isEqualTo(4);
        assertThat(dec(recovered.get("total"))).isEqualByComparingTo(sum(PAID, Paid::amount));
        assertThat(dec(recovered.get("principal"))).isEqualByComparingTo(sum(PAID, Paid::principal));
        assertThat(dec(recovered.get("fine")).add(dec(recovered.get("interest"))).add(dec(recovered.get("excess"))))
                .as("the rest of what was paid went to late charges").isEqualByComparingTo(sum(PAID, Paid::amount).subtract(sum(PAID, Paid::principal)));

        // due by 31 March, owed on 1 March: everything but rec-april, nothing paid before
        BigDecimal due = new BigDecimal("4550.00");
        assertThat(report.get("due").get("count").asInt()).isEqualTo(6);
        assertThat(dec(report.get("due").get("principal"))).isEqualByComparingTo(due);
        assertThat(dec(report.get("recoveryRate"))).isEqualByComparingTo(sum(PAID, Paid::principal).multiply(new BigDecimal("100"))
                .divide(due, 2, RoundingMode.HALF_UP));
    }

    @Test
    void whatWasDueAndRecoveredIsSplitByTheReasonTheDebtorGaveForNotPaying() throws Exception {
        JsonNode report = get("/api/reports/recovery?from=2026-03-01&to=2026-03-31");

        Map<String, JsonNode> reasons = new HashMap<>();
        report.get("reasons").forEach(r -> reasons.put(r.get("key").isNull() ? null : r.get("key").asText(), r));
        assertThat(reasons).as("every reason a debtor may give, and none given")
                .hasSize(NonPaymentReason.values().length + 1).containsKey(null);
        // rec-a (forgot) paid all its principal in March; rec-e (lost income) paid nothing
        JsonNode forgot = reasons.get("FORGOT");
        assertThat(forgot.get("name").asText()).isEqualTo(NonPaymentReason.FORGOT.words());
        assertThat(forgot.get("count").asInt()).isEqualTo(1);
        assertThat(dec(forgot.get("owed"))).isEqualByComparingTo("1500.00");
        assertThat(dec(forgot.get("recovered"))).isEqualByComparingTo(paid("rec-a").principal());
        assertThat(dec(forgot.get("rate"))).isEqualByComparingTo("100.00");
        JsonNode lostIncome = reasons.get("LOST_INCOME");
        assertThat(lostIncome.get("count").asInt()).isEqualTo(1);
        assertThat(dec(lostIncome.get("owed"))).isEqualByComparingTo("250.00");
        assertThat(dec(lostIncome.get("recovered"))).isZero();
        assertThat(reasons.get("UNHAPPY").get("count").asInt()).isZero();
        assertThat(reasons.get("UNHAPPY").get("rate").isNull()).as("no rate of nothing owed").isTrue();
        JsonNode none = reasons.get(null);
        assertThat(none.get("count").asInt()).isEqualTo(4);
        assertThat(dec(none.get("owed"))).isEqualByComparingTo("2800.00");
        assertThat(dec(none.get("recovered"))).as("rec-b, rec-c and rec-d's payments")
                .isEqualByComparingTo(paid("rec-b").principal().add(paid("rec-c").principal()).add(paid("rec-d").principal()));

        BigDecimal owed = BigDecimal.ZERO;
        for (JsonNode r : report.get("reasons")) {
            owed = owed.add(dec(r.get("owed")));
        }
        assertThat(owed).as("the reasons split what was due").isEqualByComparingTo(dec(report.get("due").get("principal")));
    }

    @Test
    void eachPaymentIsCreditedToTheStageSegmentChannelAndPolicyVersionItFound() throws Exception {
        JsonNode report = get("/api/reports/recovery?from=2026-03-01&to=2026-03-31");

        Map<String, BigDecimal> byStage = new HashMap<>();
        Map<String, String> stageNames = new HashMap<>();
        Map<String, BigDecimal> bySegment = new HashMap<>();
        Map<String, BigDecimal> byChannel = new HashMap<>();
        for (Paid p : PAID) {
            byStage.merge(p.stage(), p.amount(), BigDecimal::add);
            stageNames.put(p.stage(), p.stageName());
            bySegment.merge(p.segment(), p.amount(), BigDecimal::add);
            byChannel.merge(p.mailedBefore() ? "EMAIL" : "null", p.amount(), BigDecimal::add);
        }
        assertThat(paid("rec-a").stage()).as("the schedule moved rec-a on before it paid").isNotEqualTo(paid("rec-b").stage());
        assertThat(lines(report.get("stages"))).isEqualTo(plain(byStage));
        report.get("stages").forEach(l -> assertThat(l.get("name").asText()).isEqualTo(stageNames.get(l.get("key").asText())));
        assertThat(lines(report.get("segments"))).isEqualTo(plain(bySegment));
        assertThat(byChannel).as("rec-a had e-mails before it paid").containsKey("EMAIL");
        assertThat(lines(report.get("channels"))).isEqualTo(plain(byChannel));
        assertThat(lines(report.get("policyVersions"))).isEqualTo(plain(Map.of(Integer.toString(policyNumber), sum(PAID, Paid::amount))));
    }

    @Test
    void promisesCureAndMessagesOfTheMonth() throws Exception {
        JsonNode report = get("/api/reports/recovery?from=2026-03-01&to=2026-03-31");

        assertThat(report.get("promises").get("kept").asInt()).isEqualTo(1);
        assertThat(report.get("promises").get("broken").asInt()).isEqualTo(1);
        // rec-d, rec-e and rec-f were overdue on 1 March; rec-d was paid off, rec-f was settled by its agreement
        JsonNode cure = report.get("cure");
        assertThat(cure.get("overdue").asInt()).isEqualTo(3);
        assertThat(dec(cure.get("overduePrincipal"))).isEqualByComparingTo("1650.00");
        assertThat(cure.get("cured").asInt()).isEqualTo(1);
        assertThat(dec(cure.get("curedPrincipal"))).isEqualByComparingTo("400.00");
        assertThat(dec(cure.get("rate"))).isEqualByComparingTo("33.33");
        JsonNode agreements = report.get("agreements");
        assertThat(agreements.get("accepted").asInt()).isEqualTo(1);
        assertThat(dec(agreements.get("discounts"))).isEqualByComparingTo(discount);
        assertThat(dec(agreements.get("waivedCharges"))).isEqualByComparingTo(waivedCharges);
        assertThat(agreements.get("kept").asInt()).isEqualTo(1);
        assertThat(agreements.get("broken").asInt()).isZero();
        assertThat(agreements.get("installmentsPaid").asInt()).isEqualTo(1);
        assertThat(dec(agreements.get("installmentsAmount"))).isEqualByComparingTo(agreementTotal);

        assertThat(emailsSent).as("the SMTP server got the schedule's e-mails").isPositive();
        Map<String, JsonNode> contacts = new HashMap<>();
        report.get("contacts").forEach(c -> contacts.put(c.get("channel").asText(), c));
        assertThat(contacts).containsOnlyKeys("EMAIL", "SMS", "WHATSAPP", "LETTER");
        assertThat(contacts.get("EMAIL").get("sent").asInt()).isEqualTo(emailsSent);
        // what each receivable's timeline shows of its messages
        Map<String, Integer> sent = new HashMap<>();
        Map<String, Integer> failed = new HashMap<>();
        for (String id : List.of("rec-a", "rec-b", "rec-c", "rec-d", "rec-e", "rec-april", "rec-f")) {
            for (JsonNode entry : get("/api/receivables/" + id).get("timeline")) {
                if (entry.hasNonNull("channel") && entry.hasNonNull("status")) {
                    String status = entry.get("status").asText();
                    if (status.equals("SENT") || status.equals("DELIVERED")) {
                        sent.merge(entry.get("channel").asText(), 1, Integer::sum);
                    } else if (status.equals("FAILED")) {
                        failed.merge(entry.get("channel").asText(), 1, Integer::sum);
                    }
                }
            }
        }
        contacts.forEach((channel, c) -> {
            assertThat(c.get("sent").asInt()).as(channel + " sent").isEqualTo(sent.getOrDefault(channel, 0));
            assertThat(c.get("failed").asInt()).as(channel + " failed").isEqualTo(failed.getOrDefault(channel, 0));
        });
    }

    @Test
    void rollRatesFollowEachBucketFromTheFirstOfMarchToTheFirstOfApril() throws Exception {
        JsonNode rolls = get("/api/reports/recovery?from=2026-03-01&to=2026-03-31").get("rollRates");

        assertThat(rolls).extracting(r -> r.get("month").asText()).containsOnly("2026-03");
        assertThat(rolls).extracting(r -> r.get("bucket").asText())
                .containsExactly("Not yet due", "1-30 days", "31-60 days", "61-90 days", "91-180 days", "Over 180 days");
        // not yet due on 1 March: rec-a (paid off), rec-b and rec-c (due the 16th, still owing on 1 April), rec-april (still not due)
        assertRoll(rolls.get(0), 4, "3200.00", 2, "1400.00", 1, "300.00", 1, "1500.00", "43.75");
        // 1 to 30 days late on 1 March: rec-d (paid off), rec-f (taken into an agreement), rec-e (50 days late on 1 April)
        assertRoll(rolls.get(1), 3, "1650.00", 1, "250.00", 0, "0.00", 2, "1400.00", "15.15");
        for (int i = 2; i < rolls.size(); i++) {
            assertThat(rolls.get(i).get("count").asInt()).isZero();
            assertThat(rolls.get(i).get("rate").isNull()).as("an empty bucket has no rate").isTrue();
        }
    }

    @Test
    void aYearIsTheLongestPeriodAndAMonthNotOverHasNoRollRatesYet() throws Exception {
        JsonNode year = get("/api/reports/recovery?from=2025-04-07&to=2026-04-06");
        assertThat(dec(year.get("recovered").get("total"))).isEqualByComparingTo(sum(PAID, Paid::amount));
        // today is 6 April: April is not over
        assertThat(year.get("rollRates")).extracting(r -> r.get("month").asText()).doesNotContain("2026-04").contains("2026-03", "2025-04");
        assertThat(get("/api/reports/recovery?from=2026-04-01&to=2026-04-06").get("rollRates")).isEmpty();
    }

    @Test
    void februaryInThePastRecoveredNothingAndOwedWhatFellDueInIt() throws Exception {
        JsonNode report = get("/api/reports/recovery?from=2026-02-01&to=2026-02-28");

        assertThat(report.get("recovered").get("count").asInt()).isZero();
        assertThat(report.get("recovered").get("total").asText()).isEqualTo("0.00");
        assertThat(report.get("stages")).isEmpty();
        assertThat(report.get("due").get("count").asInt()).as("rec-d, rec-e and rec-f").isEqualTo(3);
        assertThat(dec(report.get("due").get("principal"))).isEqualByComparingTo("1650.00");
        assertThat(dec(report.get("recoveryRate"))).isEqualByComparingTo("0.00");
        assertThat(report.get("cure").get("overdue").asInt()).as("nothing was overdue on 1 February").isZero();
        assertThat(report.get("cure").get("rate").isNull()).isTrue();
        assertThat(report.get("promises").get("kept").asInt()).isZero();
        // rec-d, rec-e and rec-f, issued on 1 February and not yet due, were all late on 1 March
        assertRoll(report.get("rollRates").get(0), 3, "1650.00", 3, "1650.00", 0, "0.00", 0, "0.00", "100.00");
    }

    private static void assertRoll(JsonNode roll, int count, String principal, int rolled, String rolledPrincipal, int stayed,
                                   String stayedPrincipal, int cleared, String clearedPrincipal, String rate) {
        assertThat(roll.get("count").asInt()).as(roll.toString()).isEqualTo(count);
        assertThat(dec(roll.get("principal"))).as(roll.toString()).isEqualByComparingTo(principal);
        assertThat(roll.get("rolled").asInt()).as(roll.toString()).isEqualTo(rolled);
        assertThat(dec(roll.get("rolledPrincipal"))).as(roll.toString()).isEqualByComparingTo(rolledPrincipal);
        assertThat(roll.get("stayed").asInt()).as(roll.toString()).isEqualTo(stayed);
        assertThat(dec(roll.get("stayedPrincipal"))).as(roll.toString()).isEqualByComparingTo(stayedPrincipal);
        assertThat(roll.get("cleared").asInt()).as(roll.toString()).isEqualTo(cleared);
        assertThat(dec(roll.get("clearedPrincipal"))).as(roll.toString()).isEqualByComparingTo(clearedPrincipal);
        assertThat(dec(roll.get("rate"))).as(roll.toString()).isEqualByComparingTo(rate);
    }

    @Test
    void recoveryAsCsvParsesAndHoldsTheSameFigures() throws Exception {
        JsonNode report = get("/api/reports/recovery?from=2026-03-01&to=2026-03-31");
        ResponseEntity<String> response = csv("/api/reports/recovery?from=2026-03-01&to=2026-03-31");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<Map<String, String>> rows = Csv.parse(response.getBody());
        assertThat(rows).allSatisfy(r -> assertThat(r).containsEntry("from", "2026-03-01").containsEntry("to", "2026-03-31"));
        assertThat(row(rows, "recovered", "all", "total")).containsEntry("count", "4")
                .containsEntry("amount", report.get("recovered").get("total").asText());
        assertThat(row(rows, "due", "all", "principal")).containsEntry("amount", "4550.00");
        assertThat(row(rows, "cure", "cured", "principal")).containsEntry("count", "1").containsEntry("percent", "33.33");
        assertThat(row(rows, "roll", "2026-03 1-30 days", "rolled")).containsEntry("count", "1").containsEntry("amount", "250.00")
                .containsEntry("percent", "15.15");
        assertThat(row(rows, "agreements", "accepted", "discount")).containsEntry("count", "1")
                .containsEntry("amount", discount.setScale(2).toPlainString());
        assertThat(row(rows, "promises", "broken", "promises")).containsEntry("count", "1");
        assertThat(row(rows, "contacts", "EMAIL", "sent")).containsEntry("count", Integer.toString(emailsSent));
        assertThat(row(rows, "nonpayment_reason", "LOST_INCOME", "owed")).containsEntry("count", "1").containsEntry("amount", "250.00");
        assertThat(row(rows, "nonpayment_reason", "none_given", "owed")).containsEntry("count", "4").containsEntry("amount", "2800.00");
        BigDecimal byStage = rows.stream().filter(r -> r.get("section").equals("stage") && r.get("measure").equals("total"))
                .map(r -> new BigDecimal(r.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(byStage).isEqualByComparingTo(sum(PAID, Paid::amount));
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource({"'to=2026-03-31',from", "'from=2026-03-01',to", "'from=2026-03-01&to=31/03/2026',to",
            "'from=2026-02-30&to=2026-03-31',from", "'from=2026-03-31&to=2026-03-01',to", "'from=2025-03-01&to=2026-03-01',to"})
    void aMissingBadOrInvertedDateIsRefusedNamingIt(String query, String field) throws Exception {
        for (ResponseEntity<String> response : List.of(
                as(Role.CREDIT_MANAGER).exchange("/api/reports/recovery?" + query, HttpMethod.GET, new HttpEntity<>(jsonAccept()),
                        String.class),
                csv("/api/reports/recovery?" + query))) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json.readTree(response.getBody()).get("field").asText()).isEqualTo(field);
        }
    }

    // --- the portfolio

    private void register(String id, String amount, String issued, String due) {
        post("/api/receivables", """
                {"externalId": "%s", "customer": {"externalId": "cust-%s", "name": "Maria da Silva", "document": "529.982.247-25",
                 "type": "CONSUMER", "email": "%s@example.com", "state": "SP"},
                 "amount": "%s", "issueDate": "%s", "dueDate": "%s", "description": "Mensalidade"}"""
                .formatted(id, id, id, amount, issued, due));
    }

    /** Pays {@code amount}, or all the receivable owes today when null, noting its view before and after. */
    private void pay(String id, BigDecimal amount) throws Exception {
        JsonNode before = get("/api/receivables/" + id);
        BigDecimal paid = amount != null ? amount : dec(before.get("charges").get("total"));
        boolean mailed = Arrays.stream(SMTP.getReceivedMessages()).anyMatch(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(id + "@example.com"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        post("/api/payments", """
                {"externalId": "pay-%s", "receivableExternalId": "%s", "amount": "%s", "method": "PIX", "paidAt": "%s"}"""
                .formatted(id, id, paid.toPlainString(), OffsetDateTime.now(clock)));
        JsonNode after = get("/api/receivables/" + id);
        PAID.add(new Paid(id, paid, dec(before.get("charges").get("principal")), dec(after.get("charges").get("principal")),
                before.get("stage").asText(), before.get("stageName").asText(), before.path("segment").asText("null"), mailed));
    }

    private String promise(String id, String amount) throws Exception {
        String date = OffsetDateTime.now(clock).toLocalDate().plusDays(2).toString();
        return json.readTree(post("/api/receivables/" + id + "/promises", """
                {"amount": "%s", "date": "%s"}""".formatted(amount, date))).get("id").asText();
    }

    private String promiseStatus(String id, String promiseId) throws Exception {
        for (JsonNode p : get("/api/receivables/" + id + "/promises")) {
            if (p.get("id").asText().equals(promiseId)) {
                return p.get("status").asText();
            }
        }
        throw new AssertionError("no promise " + promiseId);
    }

    private void deliverOutbox() {
        while (worker.deliverDue().claimed() > 0) {
            // every message due now
        }
    }

    // --- helpers

    private static Paid paid(String id) {
        return PAID.stream().filter(p -> p.receivable().equals(id)).findFirst().orElseThrow();
    }

    private static Map<String, String> row(List<Map<String, String>> rows, String section, String key, String measure) {
        return rows.stream().filter(r -> r.get("section").equals(section) && r.get("key").equals(key) && r.get("measure").equals(measure))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + section + "/" + key + "/" + measure));
    }

    private static BigDecimal sum(List<Paid> paid, java.util.function.Function<Paid, BigDecimal> field) {
        return paid.stream().map(field).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Map<String, String> lines(JsonNode lines) {
        Map<String, String> map = new HashMap<>();
        lines.forEach(l -> map.put(l.get("key").isNull() ? "null" : l.get("key").asText(), l.get("amounts").get("total").asText()));
        return map;
    }

    private static Map<String, String> plain(Map<String, BigDecimal> totals) {
        return totals.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().setScale(2).toPlainString()));
    }

    private static BigDecimal dec(JsonNode amount) {
        return new BigDecimal(amount.asText());
    }

    private String post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        Role role = path.endsWith("/promises") ? Role.COLLECTOR : Role.INTEGRATION;
        ResponseEntity<String> response = as(role).postForEntity(path, new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path + " " + response.getBody()).isTrue();
        return response.getBody();
    }

    private JsonNode get(String path) throws Exception {
        // offers and agreements are the backend's to read; reports and receivables the credit manager's
        Role role = path.endsWith("/offers") || path.startsWith("/api/agreements") ? Role.INTEGRATION : Role.CREDIT_MANAGER;
        ResponseEntity<String> response = as(role).exchange(path, HttpMethod.GET, new HttpEntity<>(jsonAccept()), String.class);
        assertThat(response.getStatusCode()).as(path + " " + response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private ResponseEntity<String> csv(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/csv");
        return as(Role.ANALYST).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static HttpHeaders jsonAccept() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "application/json");
        return headers;
    }
}
