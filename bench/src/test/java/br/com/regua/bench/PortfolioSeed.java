package br.com.regua.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A realistic open portfolio written straight into Régua's tables: customers with varied payment
 * histories, receivables from 30 days before due to 120 days overdue, each at the stage its age
 * implies. No process instances: what reads the portfolio (what-if, reports) does not need them.
 */
final class PortfolioSeed {

    private static final int BATCH = 2000;
    private static final String[] STATES = {"SP", "SP", "SP", "RJ", "MG", "RS", "PR", "BA", "PE", "DF"};

    private PortfolioSeed() {
    }

    static void seed(JdbcTemplate jdbc, int receivables, int perCustomer, LocalDate today, Random random) {
        seedFrom(jdbc, 0, receivables, perCustomer, today, random);
    }

    /** Adds {@code receivables} more, numbered from {@code from}, so a portfolio can be grown in steps. */
    static void seedFrom(JdbcTemplate jdbc, int from, int receivables, int perCustomer, LocalDate today, Random random) {
        Timestamp now = Timestamp.from(Instant.now());
        int customers = (receivables + perCustomer - 1) / perCustomer;
        List<Object[]> rows = new ArrayList<>(BATCH);
        for (int c = from / perCustomer + 1; c <= from / perCustomer + customers; c++) {
            int paid = random.nextInt(8);
            int late = paid == 0 ? 0 : random.nextInt(paid + 1);
            rows.add(new Object[] {"bench-c" + c, "Cliente " + c, "11144477735", random.nextInt(10) < 8 ? "CONSUMER" : "BUSINESS",
                    "cliente" + c + "@example.com", "+5511912345678", STATES[random.nextInt(STATES.length)], paid - late, late,
                    late * (1 + random.nextInt(40)), random.nextInt(10) == 0 ? 1 : 0, random.nextInt(12) == 0 ? 1 : 0, now});
            flush(jdbc, rows, c == from / perCustomer + customers, """
                    insert into customer (external_id, name, document, customer_type, email, phone, state, paid_on_time,
                                          paid_late, total_days_late, agreements_kept, agreements_broken, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        }
        long firstCustomer = jdbc.queryForObject("select id from customer where external_id = ?", Long.class,
                "bench-c" + (from / perCustomer + 1));
        for (int i = from; i < from + receivables; i++) {
            int daysOverdue = random.nextInt(151) - 30;
            LocalDate due = today.minusDays(daysOverdue);
            BigDecimal principal = BigDecimal.valueOf(30 + random.nextInt(20_000)).add(BigDecimal.valueOf(random.nextInt(100), 2))
                    .setScale(2, RoundingMode.UNNECESSARY);
            Object[] stage = stageAt(daysOverdue);
            rows.add(new Object[] {"bench-r" + i, firstCustomer + (i - from) / perCustomer, "seed", principal, Date.valueOf(due.minusDays(30)),
                    Date.valueOf(due), "Fatura " + i, principal, Date.valueOf(due), stage[0], stage[1], now, now});
            flush(jdbc, rows, i == from + receivables - 1, """
                    insert into receivable (external_id, customer_id, content_hash, principal, issue_date, due_date, description,
                                            principal_outstanding, interest_from, status, stage, last_step_day, created_at,
                                            updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)""");
        }
    }

    /** The stage a case of this age has reached under the default policy, and the day of that step. */
    private static Object[] stageAt(int daysOverdue) {
        int[] days = {-5, 0, 2, 15, 30, 35, 45, 50, 60};
        String[] stages = {"PRE_DUE_REMINDER", "DUE_DAY_NOTICE", "FRIENDLY_REMINDER", "RENEGOTIATION_OFFER", "FORMAL_NOTICE",
            "BUREAU_PRIOR_NOTICE", "BUREAU_REPORT", "SERVICE_SUSPENSION_NOTICE", "COLLECTION_AGENCY"};
        for (int i = days.length - 1; i >= 0; i--) {
            if (daysOverdue >= days[i]) {
                return new Object[] {stages[i], days[i]};
            }
        }
        return new Object[] {"REGISTERED", null};
    }

    private static void flush(JdbcTemplate jdbc, List<Object[]> rows, boolean last, String sql) {
        if (rows.size() == BATCH || (last && !rows.isEmpty())) {
            jdbc.batchUpdate(sql, rows);
            rows.clear();
        }
    }
}
