package br.com.regua.bench;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import br.com.regua.policy.CaseFacts;
import br.com.regua.policy.CompiledPolicy;
import br.com.regua.policy.CustomerType;
import br.com.regua.policy.PaymentHistory;
import br.com.regua.policy.PolicyDecision;
import br.com.regua.policy.PolicyEngine;

/**
 * One decision per operation, on one thread, over a rotating set of varied debtors: the full
 * policy of rules/ in Drools; the segmentation and discount tables alone in Drools; the same two
 * tables in Camunda DMN, with the Scala FEEL engine (the default) and with the legacy JUEL-based one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PolicyDecisionMeasurements {

    static final int DEBTORS = 256;

    CaseFacts[] facts;
    VariableMap[] variables;
    PolicyEngine fullPolicy;
    PolicyEngine tablesOnly;
    DmnEngine dmnFeel;
    DmnEngine dmnJuel;
    DmnDecision offerFeel;
    DmnDecision offerJuel;
    int next;

    @Setup
    public void setUp() {
        CompiledPolicy policy = CompiledPolicy.fromDirectory(Path.of("rules"));
        fullPolicy = new PolicyEngine(policy);
        Map<String, String> tables = new HashMap<>();
        tables.put("segmentation.drl.csv", policy.files().get("segmentation.drl.csv"));
        tables.put("discounts.drl.csv", policy.files().get("discounts.drl.csv"));
        // the engine requires late charge rates of every policy: one fixed rule gives them
        tables.put("rates.drl", """
                package br.com.regua.policy;
                rule "Fixed rates" when CaseFacts() then insert(new ChargeRates(java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, 30)); end
                """);
        tablesOnly = new PolicyEngine(CompiledPolicy.compile(tables));

        dmnFeel = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        // the engine Camunda 7 used before the Scala FEEL engine: unary tests by its JUEL-based FEEL, outputs in JUEL
        dmnJuel = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
                .enableFeelLegacyBehavior(true).buildEngine();
        offerFeel = decision(dmnFeel);
        offerJuel = decision(dmnJuel);

        Random random = new Random(7);
        LocalDate due = LocalDate.of(2026, 3, 16);
        facts = new CaseFacts[DEBTORS];
        variables = new VariableMap[DEBTORS];
        for (int i = 0; i < DEBTORS; i++) {
            int paid = random.nextInt(8);
            int late = paid == 0 ? 0 : random.nextInt(paid + 1);
            int averageLate = late == 0 ? 0 : random.nextInt(45);
            int broken = random.nextInt(10) == 0 ? 1 : 0;
            PaymentHistory history = new PaymentHistory(paid - late, late, averageLate, 0, broken);
            facts[i] = CaseFacts.builder().receivableId("R" + i).customerType(i % 5 == 0 ? CustomerType.BUSINESS : CustomerType.CONSUMER)
                    .state(i % 7 == 0 ? "RJ" : "SP").principal(BigDecimal.valueOf(50 + random.nextInt(20_000)))
                    .issueDate(due.minusDays(30)).dueDate(due).today(due.plusDays(random.nextInt(120) - 10))
                    .hasEmail(true).hasPhone(i % 3 != 0).history(history).build();
            variables[i] = Variables.createVariables().putValue("historyEmpty", history.isEmpty())
                    .putValue("agreementsBroken", broken).putValue("averageDaysLate", averageLate)
                    .putValue("paidCount", history.getPaidCount()).putValue("daysOverdue", facts[i].getDaysOverdue());
        }
        // a baseline that decides otherwise would measure nothing: every engine must agree with Drools
        for (int i = 0; i < DEBTORS; i++) {
            PolicyDecision drools = tablesOnly.evaluate(facts[i]);
            for (DmnEngine engine : new DmnEngine[] {dmnFeel, dmnJuel}) {
                var result = engine.evaluateDecision(engine == dmnFeel ? offerFeel : offerJuel, variables[i]).getSingleResult();
                BigDecimal discount = BigDecimal.valueOf(((Number) result.getEntry("discount")).doubleValue());
                if (discount.compareTo(drools.offerTerms().getPrincipalDiscount()) != 0
                        || !result.getEntry("waiveCharges").equals(drools.offerTerms().isWaiveCharges())) {
                    throw new IllegalStateException("DMN and Drools disagree on debtor " + i + ": " + result.getEntryMap()
                            + " vs " + drools.segment() + " " + drools.offerTerms());
                }
            }
        }
    }

    private static DmnDecision decision(DmnEngine engine) {
        return engine.parseDecision("offer", new ByteArrayInputStream(SegmentationAndOfferDmn.xml().getBytes(StandardCharsets.UTF_8)));
    }

    private int nextDebtor() {
        next = (next + 1) & (DEBTORS - 1);
        return next;
    }

    @Benchmark
    public PolicyDecision droolsFullPolicy() {
        return fullPolicy.evaluate(facts[nextDebtor()]);
    }

    @Benchmark
    public PolicyDecision droolsSegmentationAndDiscountTables() {
        return tablesOnly.evaluate(facts[nextDebtor()]);
    }

    @Benchmark
    public DmnDecisionResult dmnFeelSegmentationAndDiscountTables() {
        return dmnFeel.evaluateDecision(offerFeel, variables[nextDebtor()]);
    }

    @Benchmark
    public DmnDecisionResult dmnJuelSegmentationAndDiscountTables() {
        return dmnJuel.evaluateDecision(offerJuel, variables[nextDebtor()]);
    }
}
