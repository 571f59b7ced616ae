package br.com.regua.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import br.com.regua.policy.PolicyEngine;
import br.com.regua.receivable.LedgerSql;
import br.com.regua.receivable.Money;

/** The paged, filtered list of receivables, with each one's charges of today as its own view shows them. */
@Service
public class ReceivableListing {

    private final JdbcTemplate jdbc;
    private final PolicyEngine policy;
    private final LedgerSql ledger;
    private final Clock clock;

    public ReceivableListing(JdbcTemplate jdbc, DataSource dataSource, PolicyEngine policy, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.ledger = new LedgerSql(LedgerSql.Dialect.of(dataSource));
        this.clock = clock;
    }

    public ReceivablePage page(ReceivableFilter filter) {
        LocalDate today = LocalDate.now(clock);
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.status() != null) {
            where.append(" and r.status = ?");
            args.add(filter.status());
        }
        if (filter.stage() != null) {
            where.append(" and r.stage = ?");
            args.add(filter.stage());
        }
        if (filter.segment() != null) {
            where.append(" and r.segment = ?");
            args.add(filter.segment());
        }
        if (filter.customer() != null) {
            where.append(" and c.external_id = ?");
            args.add(filter.customer());
        }
        if (filter.overdueMin() != null) {
            // at least N days overdue today: due on or before today - N
            where.append(" and r.due_date <= ").append(LedgerSql.date(today.minusDays(filter.overdueMin())));
        }
        String from = " from receivable r join customer c on c.id = r.customer_id" + where;
        long total = jdbc.queryForObject("select count(*)" + from, Long.class, args.toArray());

        PortfolioRates rates = PortfolioRates.of(policy, today);
        String sql = "select r.external_id, c.external_id as customer, c.name, r.status, r.stage, r.segment, r.principal as amount, r.due_date, "
                + ledger.daysOverdue("r", today) + " as days_overdue, r.principal_outstanding, "
                + ledger.fine("r", today, rates.fineRate("c")) + " as fine, "
                + ledger.interest("r", today, rates.monthlyInterestRate("c"), rates.daysPerMonth("c")) + " as interest"
                + from + " order by r.due_date, r.id limit ? offset ?";
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(filter.size());
        pageArgs.add((long) filter.page() * filter.size());
        List<ReceivablePage.Item> items = jdbc.query(sql, (rs, i) -> {
            var principal = Money.round(rs.getBigDecimal("principal_outstanding"));
            var fine = Money.round(rs.getBigDecimal("fine"));
            var interest = Money.round(rs.getBigDecimal("interest"));
            return new ReceivablePage.Item(rs.getString("external_id"), rs.getString("customer"), rs.getString("name"),
                    rs.getString("status"), rs.getString("stage"), rs.getString("segment"), Money.round(rs.getBigDecimal("amount")),
                    rs.getObject("due_date", LocalDate.class), rs.getInt("days_overdue"), principal, fine, interest,
                    principal.add(fine).add(interest));
        }, pageArgs.toArray());
        int pages = (int) ((total + filter.size() - 1) / filter.size());
        return new ReceivablePage(today, filter.page(), filter.size(), total, pages, items);
    }
}
