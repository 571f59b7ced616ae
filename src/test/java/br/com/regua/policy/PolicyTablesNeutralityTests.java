package br.com.regua.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import br.com.regua.support.ProcessStages;
import org.junit.jupiter.api.Test;

/**
 * The numbers of the policy moved from DRL into decision tables: the move changes no decision.
 * The policy as it was before the move is kept in the test resources; both decide a broad grid of
 * cases — every segment, customer type, a few states, balances and days overdue at and around every
 * threshold, cases registered late or past their bureau notice, opt-outs — and every output of every
 * decision must be the same. (The what-if over a registered portfolio is {@code PolicyTablesWhatIfTests}.)
 */
class PolicyTablesNeutralityTests {


    static final Path BEFORE = FrozenPolicy.DIRECTORY;

    static final LocalDate DUE = LocalDate.of(2026, 3, 16);

    static final List<PaymentHistory> HISTORIES = List.of(
            PaymentHistory.none(),
            new PaymentHistory(5, 1, 2, 0, 0),      // good payer
            new PaymentHistory(3, 0, 5, 0, 0),      // good payer at the edge
            new PaymentHistory(2, 2, 12, 0, 0),     // regular
            new PaymentHistory(3, 0, 6, 0, 0),      // regular, just past the good payers' edge
            new PaymentHistory(1, 1, 10, 0, 1),     // risky: broke an agreement
            new PaymentHistory(0, 4, 31, 1, 0));    // risky: pays very late

    static final List<String> BALANCES = List.of("10.00", "49.99", "50.00", "499.99", "500.00", "999.99", "1000.00",
            "1999.99", "2000.00", "4999.99", "5000.00", "9999.99", "10000.00", "10000.01", "25000.00");

    static final List<Integer> DAYS = List.of(-10, -8, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 5, 6, 8, 9, 10, 11, 12, 13,
            15, 16, 20, 21, 22, 29, 30, 31, 34, 35, 36, 40, 45, 46, 50, 51, 59, 60, 61, 89, 90, 91, 100, 181, 400, 1815, 1816,
            1825, 1826);

    // states whose bureau wait is the 10 days of the policy before the move: São Paulo now waits 20 (a row of its own)
    static final List<String> STATES = new ArrayList<>(java.util.Arrays.asList("BA", "RJ", "MG", null));

    @Test
    void thePolicyInTablesDecidesEveryCaseOfTheGridAsThePolicyBeforeTheMove() {
        PolicyEngine before = new PolicyEngine(CompiledPolicy.fromDirectory(BEFORE));
        PolicyEngine tables = new PolicyEngine(CompiledPolicy.fromDirectory(Path.of("rules")));
        Random random = new Random(13);
        List<String> stageKeys = ProcessStages.collection().stages().stream().map(StageCatalog.StageInfo::key).toList();
        int compared = 0;
        Set<String> segments = new TreeSet<>();
        Set<Integer> priorities = new TreeSet<>();
        for (PaymentHistory history : HISTORIES) {
            for (CustomerType type : CustomerType.values()) {
                for (String balance : BALANCES) {
                    for (int days : DAYS) {
                        CaseFacts facts = caseOf(random, history, type, balance, days, stageKeys);
                        PolicyDecision expected = before.evaluate(facts);
                        PolicyDecision actual = tables.evaluate(facts);
                        assertThat(essence(actual)).as(describe(facts)).isEqualTo(essence(expected));
                        segments.add(actual.segment().name());
                        priorities.add(actual.priority());
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(HISTORIES.size() * 2 * BALANCES.size() * DAYS.size());
        // the grid reaches every segment and a spread of scores, not one corner of the policy
        assertThat(segments).containsExactlyInAnyOrder("NEW_CUSTOMER", "GOOD_PAYER", "REGULAR", "RISKY");
        assertThat(priorities).hasSizeGreaterThan(8);
    }

    @Test
    void bothPoliciesPassTheSameScenariosAndDefineTheSameAgingBuckets() {
        CompiledPolicy before = CompiledPolicy.fromDirectory(BEFORE);
        CompiledPolicy tables = CompiledPolicy.fromDirectory(Path.of("rules"));

        assertThat(ScenarioRunner.describe(ScenarioRunner.run(before, ProcessStages.collection()).failures())).isEmpty();
        assertThat(before.files().keySet().stream().filter(CompiledPolicy::isScenarioFile).toList())
                .allSatisfy(name -> assertThat(tables.files().get(name)).as(name).isEqualTo(before.files().get(name)));
        assertThat(new PolicyEngine(tables).agingBuckets().toString()).isEqualTo(new PolicyEngine(before).agingBuckets().toString());
    }

    /** One case of the grid: the dimensions the loops do not vary are drawn, the same each run. */
    private static CaseFacts caseOf(Random random, PaymentHistory history, CustomerType type, String balance, int days,
                                    List<String> stageKeys) {
        BigDecimal owed = new BigDecimal(balance);
        CaseFacts.Builder b = CaseFacts.builder().receivableId("R-" + days).customerType(type)
                .state(STATES.get(random.nextInt(STATES.size())))
                .principal(random.nextBoolean() ? owed : owed.add(new BigDecimal("300.00"))).balance(owed)
                .issueDate(DUE.minusDays(random.nextInt(12))).dueDate(DUE).today(DUE.plusDays(days))
                .hasEmail(random.nextInt(4) > 0).hasPhone(random.nextInt(4) > 0)
                .history(random.nextInt(5) == 0
                        ? new PaymentHistory(history.getPaidOnTime(), history.getPaidLate(), history.getAverageDaysLate(),
                                history.getAgreementsKept(), history.getAgreementsBroken() + 1, DUE.plusDays(days).minusDays(170 + random.nextInt(20)))
                        : history);
        Set<Channel> optedOut = EnumSet.noneOf(Channel.class);
        for (Channel c : Channel.values()) {
            if (random.nextInt(5) == 0) {
                optedOut.add(c);
            }
        }
        b.optedOut(optedOut);
        // where the case is: registered today, or past a stage reached on its day (a notice perhaps sent late)
        if (days > 0 && random.nextBoolean()) {
            String stage = stageKeys.get(random.nextInt(stageKeys.size()));
            int reachedOn = Math.max(0, days - random.nextInt(8));
            b.currentStage(stage).reached(stage, reachedOn);
            if (random.nextBoolean()) {
                b.reached("BUREAU_PRIOR_NOTICE", Math.max(0, days - random.nextInt(15)));
            }
        } else {
            b.currentStage(StageKeys.REGISTERED);
        }
        return b.build();
    }

    private static String describe(CaseFacts f) {
        PaymentHistory h = f.getHistory();
        return f.getCustomerType() + " " + f.getState() + " balance " + f.getBalance() + " of " + f.getPrincipal() + ", day "
                + f.getDaysOverdue() + ", issued " + f.getIssueDate() + ", at " + f.getCurrentStage() + " " + f.getReachedDays()
                + ", history " + h.getPaidOnTime() + "/" + h.getPaidLate() + "/" + h.getAverageDaysLate() + "/" + h.getAgreementsKept()
                + "/" + h.getAgreementsBroken() + " broken on " + h.getLastAgreementBrokenOn() + ", email " + f.isHasEmail()
                + ", phone " + f.isHasPhone() + ", opted out " + f.getOptedOut();
    }

    /** Every output of a decision, but the names of the rules that fired (the tables' rows have their own). */
    static List<Object> essence(PolicyDecision d) {
        OfferTerms o = d.offerTerms();
        ChargeRates r = d.chargeRates();
        return List.of(d.segment(), d.graceDays(), d.plan().toString(),
                r.getFineRate().stripTrailingZeros(), r.getMonthlyInterestRate().stripTrailingZeros(), r.getDaysPerMonth(),
                d.contactWindows().toString(), d.channels(), d.priority(), String.valueOf(d.maxContactsPerWeek()),
                new TreeSet<>(d.fallbacks().stream().map(Object::toString).toList()),
                new TreeSet<>(d.requiredNotices().stream().map(Object::toString).toList()),
                o.isRenegotiationAllowed(), o.getPrincipalDiscount().stripTrailingZeros(), o.isWaiveCharges(),
                o.getMaxInstallments(), o.getMinInstallment().stripTrailingZeros(), o.getValidDays(),
                o.getInstallmentDiscount().stripTrailingZeros(), o.getMinDownPayment().stripTrailingZeros(),
                o.getInstallmentMonthlyInterest().stripTrailingZeros(), o.getInterestFreeInstallments(),
                o.getFirstInstallmentDays(), o.getMonthsBetweenInstallments(), o.getReminderDaysBefore(),
                o.getInstallmentGraceDays(), String.valueOf(o.getResumeStage()));
    }
}
