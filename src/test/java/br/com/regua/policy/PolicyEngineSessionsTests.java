package br.com.regua.policy;

import static br.com.regua.policy.CaseFactsFixtures.DUE;
import static br.com.regua.policy.CaseFactsFixtures.consumerOwing;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * Nothing of one decision reaches the next: each debtor is decided again after other debtors, in
 * another order and from several threads, and must get the same decision every time. This is what
 * keeps the engine from reusing Drools' sessions: a pool of them (reset between decisions) decided
 * faster, but let two rules of one activation group fire in a reset session, putting debtors in two
 * segments (Drools 10.2, December 2026).
 */
class PolicyEngineSessionsTests {

    private static final int DEBTORS = 120;

    @Test
    void aDebtorGetsTheSameDecisionWhateverWasDecidedBeforeIt() throws Exception {
        PolicyEngine engine = new PolicyEngine(LogicWithTestTables.compiled());
        List<CaseFacts> debtors = variedDebtors();
        List<String> first = new ArrayList<>();
        for (CaseFacts f : debtors) {
            first.add(described(engine.evaluate(f)));
        }
        // the segments of the debtors differ from one to the next, so a leftover segment would show
        assertThat(first.stream().map(d -> d.substring(0, d.indexOf(' '))).distinct()).hasSizeGreaterThan(2);

        List<Integer> shuffled = new ArrayList<>();
        for (int i = 0; i < DEBTORS; i++) {
            shuffled.add(i);
        }
        Collections.shuffle(shuffled, new Random(11));
        for (int i : shuffled) {
            assertThat(described(engine.evaluate(debtors.get(i)))).as("debtor %d decided after others", i).isEqualTo(first.get(i));
        }

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t * 31;
                results.add(threads.submit(() -> {
                    List<String> decided = new ArrayList<>(Collections.nCopies(DEBTORS, ""));
                    for (int k = 0; k < DEBTORS; k++) {
                        int i = (k + offset) % DEBTORS;
                        decided.set(i, described(engine.evaluate(debtors.get(i))));
                    }
                    return decided;
                }));
            }
            for (Future<List<String>> r : results) {
                assertThat(r.get()).as("decided on four threads at once").isEqualTo(first);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Debtors of every segment, amount band and stage of overdue the test tables tell apart. */
    private static List<CaseFacts> variedDebtors() {
        Random random = new Random(7);
        List<CaseFacts> debtors = new ArrayList<>();
        for (int i = 0; i < DEBTORS; i++) {
            int paid = random.nextInt(8);
            int late = paid == 0 ? 0 : random.nextInt(paid + 1);
            int broken = random.nextInt(6) == 0 ? 1 : 0;
            debtors.add(consumerOwing("100.00").receivableId("R" + i).customerType(i % 5 == 0 ? CustomerType.BUSINESS : CustomerType.CONSUMER)
                    .state(i % 7 == 0 ? "RJ" : "SP").principal(BigDecimal.valueOf(50 + random.nextInt(20_000)))
                    .today(DUE.plusDays(random.nextInt(150) - 10))
                    .history(new PaymentHistory(paid - late, late, late == 0 ? 0 : random.nextInt(45), 0, broken)).build());
        }
        return debtors;
    }

    /** Everything a decision says, in a text that two equal decisions share. */
    private static String described(PolicyDecision d) {
        return d.segment() + " grace=" + d.graceDays() + " plan=" + d.plan() + " fine=" + d.chargeRates().getFineRate()
                + " interest=" + d.chargeRates().getMonthlyInterestRate() + " windows=" + d.contactWindows().size()
                + " channels=" + d.channels() + " offer=" + d.offerTerms().getPrincipalDiscount() + "/" + d.offerTerms().isWaiveCharges()
                + " priority=" + d.priority() + " perWeek=" + d.maxContactsPerWeek() + " notices=" + d.requiredNotices().size()
                + " link=" + d.portalLinkDays() + " callGroups=" + d.callGroups() + " fired=" + d.rulesFired();
    }
}
