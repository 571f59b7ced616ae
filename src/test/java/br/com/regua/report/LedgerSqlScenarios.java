package br.com.regua.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import br.com.regua.support.ProcessStages;
import br.com.regua.policy.ChargeRates;
import br.com.regua.policy.CompiledPolicy;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.receivable.Charges;
import br.com.regua.receivable.Ledger;
import br.com.regua.receivable.LedgerSql;
import br.com.regua.support.TestPolicy;

/**
 * The charges the database adds up are the ledger's to the cent: a handful of receivables worked
 * out by hand, then thousands of random ledgers against {@link Ledger#chargesAsOf} itself. Run on
 * H2 and on PostgreSQL, which round and subtract dates each their own way.
 */
abstract class LedgerSqlScenarios {

    static final LocalDate AS_OF = LocalDate.of(2026, 3, 10);
    // every receivable was issued long before the report's date, whatever its due date
    static final LocalDate ISSUED = AS_OF.minusYears(3);
    static final ChargeRates RATES = new ChargeRates(new BigDecimal("0.02"), new BigDecimal("0.01"), 30);
    private static final PolicyEngine POLICY = new PolicyEngine(CompiledPolicy.fromDirectory(TestPolicy.DIR));

    JdbcTemplate jdbc;
    AgingReports reports;
    long nextId;

    abstract DataSource dataSource();

    abstract LedgerSql.Dialect dialect();

    @BeforeEach
    void emptyReceivableTables() throws Exception {
        jdbc = new JdbcTemplate(dataSource());
        jdbc.execute("drop table if exists receivable");
        jdbc.execute("drop table if exists customer");
        // the customer and receivable tables as the migrations make them
        String v1 = new ClassPathResource("db/migration/V1__receivables_and_cases.sql").getContentAsString(StandardCharsets.UTF_8);
        for (String statement : v1.split(";")) {
            String s = statement.replaceAll("(?m)^\\s*--.*$", "").trim();
            if (s.startsWith("create table customer") || s.startsWith("create table receivable")) {
                jdbc.execute(s);
            }
        }
        jdbc.update("insert into customer (id, external_id, name, document, customer_type, created_at) values "
                + "(1, 'c1', 'Maria', '52998224725', 'CONSUMER', current_timestamp), "
                + "(2, 'c2', 'Aurora', '11222333000181', 'BUSINESS', current_timestamp)");
        reports = new AgingReports(jdbc, new LedgerSql(dialect()), POLICY, ProcessStages.collection(), Clock.fixed(AS_OF.atStartOfDay(ZoneId.of("UTC")).toInstant(), ZoneId.of("UTC")));
        nextId = 1;
    }

    @Test
    void aHandfulOfReceivablesAddUpToWhatWasWorkedOutByHand() {
        // 15 days late: fine 20.00, interest 1000 × 1% × 15/30 = 5.00
        insert(new Ledger(AS_OF.minusDays(15), new BigDecimal("1000.00"), zero(), zero(), false, AS_OF.minusDays(15)), "OPEN", 1);
        // 45 days late: fine 6.6666 → 6.67, interest 4.99995 → 5.00
        insert(new Ledger(AS_OF.minusDays(45), new BigDecimal("333.33"), zero(), zero(), false, AS_OF.minusDays(45)), "OPEN", 1);
        // paid in part 30 days ago, fine already charged: 930 × 1% × 30/30 = 9.30
        insert(new Ledger(AS_OF.minusDays(60), new BigDecimal("930.00"), zero(), zero(), true, AS_OF.minusDays(30)), "DISPUTED", 1);
        // a business 200 days late: fine 5.00, interest 250 × 1% × 200/30 = 16.67
        insert(new Ledger(AS_OF.minusDays(200), new BigDecimal("250.00"), zero(), zero(), false, AS_OF.minusDays(200)), "OPEN", 2);
        // not yet due: nothing
        insert(new Ledger(AS_OF.plusDays(10), new BigDecimal("500.00"), zero(), zero(), false, AS_OF.plusDays(10)), "OPEN", 1);
        // charges left by a payment 10 days ago, and interest since: 0.40 + 100 × 1% × 10/30 = 0.40 + 0.33
        insert(new Ledger(AS_OF.minusDays(40), new BigDecimal("100.00"), new BigDecimal("1.50"), new BigDecimal("0.40"), true,
                AS_OF.minusDays(10)), "OPEN", 1);
        // paid: not counted
        insert(new Ledger(AS_OF.minusDays(40), new BigDecimal("0.00"), zero(), zero(), true, AS_OF.minusDays(20)), "PAID", 1);

        AgingReport report = reports.asOf(AS_OF);

        assertThat(report.total().count()).isEqualTo(6);
        assertThat(report.total().principal()).isEqualByComparingTo("3113.33");
        assertThat(report.total().fine()).isEqualByComparingTo("33.17");
        assertThat(report.total().interest()).isEqualByComparingTo("36.70");
        assertThat(report.total().total()).isEqualByComparingTo("3183.20");
        assertThat(report.buckets()).extracting(b -> b.amounts().count()).containsExactly(1L, 1L, 3L, 0L, 0L, 1L);
        assertThat(report.buckets().get(2).amounts().total()).as("31-60 days: 345.00 + 939.30 + 102.23").isEqualByComparingTo("1386.53");
    }

    @Test
    void thousandsOfRandomLedgersAddUpToTheJavaLedgerToTheCent() {
        Random random = new Random(20261130);
        Map<Integer, BigDecimal[]> expected = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        int[] bounds = {0, 30, 60, 90, 180};
        for (int i = 0; i < 3000; i++) {
            LocalDate due = AS_OF.plusDays(random.nextInt(800) - 500);
            boolean paidBefore = random.nextInt(3) == 0;
            LocalDate interestFrom = paidBefore ? due.plusDays(random.nextInt(400)) : due;
            Ledger ledger = new Ledger(due, cents(random, 5_000_000), paidBefore ? cents(random, 5_000) : zero(),
                    paidBefore ? cents(random, 3_000) : zero(), paidBefore && random.nextBoolean(), interestFrom);
            rows.add(row(ledger, "OPEN", 1 + random.nextInt(2)));
            Charges charges = ledger.chargesAsOf(AS_OF, RATES);
            long daysOverdue = AS_OF.toEpochDay() - due.toEpochDay();
            int bucket = 5;
            for (int b = 0; b < bounds.length; b++) {
                if (daysOverdue <= bounds[b]) {
                    bucket = b;
                    break;
                }
            }
            expected.merge(bucket, new BigDecimal[] {charges.principal(), charges.fine(), charges.interest(), charges.total()},
                    (a, b) -> new BigDecimal[] {a[0].add(b[0]), a[1].add(b[1]), a[2].add(b[2]), a[3].add(b[3])});
        }

        jdbc.batchUpdate(INSERT, rows);
        AgingReport report = reports.asOf(AS_OF);

        for (int b = 0; b < report.buckets().size(); b++) {
            AgingReport.Amounts got = report.buckets().get(b).amounts();
            BigDecimal[] want = expected.getOrDefault(b, new BigDecimal[] {zero(), zero(), zero(), zero()});
            assertThat(got.principal()).as("principal, bucket " + b).isEqualByComparingTo(want[0]);
            assertThat(got.fine()).as("fine, bucket " + b).isEqualByComparingTo(want[1]);
            assertThat(got.interest()).as("interest, bucket " + b).isEqualByComparingTo(want[2]);
            assertThat(got.total()).as("total, bucket " + b).isEqualByComparingTo(want[3]);
        }
        assertThat(report.total().count()).isEqualTo(3000);
    }

    private void insert(Ledger l, String status, long customer) {
        jdbc.update(INSERT, row(l, status, customer));
    }

    private static final String INSERT = "insert into receivable (id, external_id, customer_id, content_hash, principal, issue_date, due_date,"
            + " principal_outstanding, fine_carried, interest_carried, fine_charged, interest_from, status, stage, segment,"
            + " created_at, updated_at) values (?, ?, ?, 'h', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'FORMAL_NOTICE', 'REGULAR',"
            + " current_timestamp, current_timestamp)";

    private Object[] row(Ledger l, String status, long customer) {
        long id = nextId++;
        return new Object[] {id, "r" + id, customer, l.principalOutstanding(), ISSUED, l.dueDate(), l.principalOutstanding(),
                l.fineCarried(), l.interestCarried(), l.fineCharged(), l.interestFrom(), status};
    }

    private static BigDecimal cents(Random random, int maxReais) {
        return BigDecimal.valueOf(random.nextLong(maxReais * 100L) + 1, 2);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
