package br.com.regua.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import br.com.regua.policy.AgingBucket;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.policy.StageCatalog;
import br.com.regua.receivable.LedgerSql;
import br.com.regua.receivable.Money;

/**
 * The aging report, added up in one query: each receivable's charges as of the date with the
 * ledger's arithmetic, grouped by bucket, segment and stage in the database, so a million open
 * receivables cost one pass over the table and a few hundred rows back.
 *
 * <p>Open means still owed and still collected: {@code OPEN} and {@code DISPUTED} (a dispute pauses
 * collection, it does not pay). Receivables in an agreement are followed by the agreement; paid,
 * written-off and cancelled ones owe nothing. A receivable counts from its issue date. The ledger
 * keeps the current state, not its history: a date in the past shows the receivables open now that
 * had been issued by then, with their charges as of that date; payments made since are not undone.
 */
@Service
public class AgingReports {

    static final List<String> OPEN_STATUSES = List.of("OPEN", "DISPUTED");

    private final JdbcTemplate jdbc;
    private final PolicyEngine policy;
    private final LedgerSql ledger;
    private final StageCatalog stageNames;
    private final Clock clock;

    @Autowired
    public AgingReports(JdbcTemplate jdbc, DataSource dataSource, PolicyEngine policy, StageCatalog stageNames, Clock clock) {
        this(jdbc, new LedgerSql(LedgerSql.Dialect.of(dataSource)), policy, stageNames, clock);
    }

    AgingReports(JdbcTemplate jdbc, LedgerSql ledger, PolicyEngine policy, StageCatalog stageNames, Clock clock) {
        this.stageNames = stageNames;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.policy = policy;
        this.clock = clock;
    }

    /** Today's aging, by the injected clock. */
    public AgingReport today() {
        return asOf(LocalDate.now(clock));
    }

    public AgingReport asOf(LocalDate asOf) {
        int version = policy.active().number();
        List<AgingBucket> buckets = policy.agingBuckets();
        List<Cell> cells = jdbc.query(sql(asOf, buckets, PortfolioRates.of(policy, asOf)), (rs, i) -> new Cell(rs.getInt("bucket"),
                rs.getString("segment"), rs.getString("stage"), amounts(rs.getLong("n"), rs.getBigDecimal("principal"),
                rs.getBigDecimal("fine"), rs.getBigDecimal("interest"))));

        List<AgingReport.Amounts> byBucket = new ArrayList<>();
        buckets.forEach(b -> byBucket.add(AgingReport.Amounts.zero()));
        Map<String, AgingReport.Amounts> bySegment = new TreeMap<>();
        Map<String, AgingReport.Amounts> byStage = new TreeMap<>();
        AgingReport.Amounts total = AgingReport.Amounts.zero();
        AgingReport.Amounts unclassified = null;
        for (Cell c : cells) {
            byBucket.set(c.bucket, byBucket.get(c.bucket).plus(c.amounts));
            if (c.segment == null) {
                unclassified = (unclassified == null ? AgingReport.Amounts.zero() : unclassified).plus(c.amounts);
            } else {
                bySegment.merge(c.segment, c.amounts, AgingReport.Amounts::plus);
            }
            byStage.merge(c.stage, c.amounts, AgingReport.Amounts::plus);
            total = total.plus(c.amounts);
        }
        List<AgingReport.Bucket> bucketLines = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            AgingBucket b = buckets.get(i);
            bucketLines.add(new AgingReport.Bucket(b.getName(), b.getFromDay(), b.getToDay(), byBucket.get(i)));
        }
        List<AgingReport.Line> segments = new ArrayList<>();
        bySegment.forEach((k, v) -> segments.add(new AgingReport.Line(k, k, v)));
        if (unclassified != null) {
            segments.add(new AgingReport.Line(null, "not yet classified", unclassified));
        }
        List<AgingReport.Line> stages = new ArrayList<>();
        byStage.forEach((k, v) -> stages.add(new AgingReport.Line(k, stageNames.nameOf(k), v)));
        return new AgingReport(asOf, version, OPEN_STATUSES, List.copyOf(bucketLines), List.copyOf(segments), List.copyOf(stages), total);
    }

    /** The query, with typed values written in: dates, rates and day counts, never request text. */
    String sql(LocalDate asOf, List<AgingBucket> buckets, PortfolioRates rates) {
        StringBuilder bucket = new StringBuilder("case");
        // a bucket ending on day t holds the receivables due on or after asOf - t
        for (int i = 0; i < buckets.size() - 1; i++) {
            bucket.append(" when r.due_date >= ").append(LedgerSql.date(asOf.minusDays(buckets.get(i).getToDay()))).append(" then ").append(i);
        }
        bucket.append(" else ").append(buckets.size() - 1).append(" end");
        boolean join = rates.byCustomerType();
        return "select bucket, segment, stage, count(*) as n, sum(principal) as principal, sum(fine) as fine, sum(interest) as interest"
                + " from (select " + bucket + " as bucket, r.segment, r.stage, r.principal_outstanding as principal, "
                + ledger.fine("r", asOf, rates.fineRate("c")) + " as fine, "
                + ledger.interest("r", asOf, rates.monthlyInterestRate("c"), rates.daysPerMonth("c")) + " as interest"
                + " from receivable r" + (join ? " join customer c on c.id = r.customer_id" : "")
                + " where r.status in ('" + String.join("', '", OPEN_STATUSES) + "') and r.issue_date <= " + LedgerSql.date(asOf)
                + ") x group by bucket, segment, stage";
    }

    private static AgingReport.Amounts amounts(long n, BigDecimal principal, BigDecimal fine, BigDecimal interest) {
        principal = Money.round(principal);
        fine = Money.round(fine);
        interest = Money.round(interest);
        return new AgingReport.Amounts(n, principal, fine, interest, principal.add(fine).add(interest));
    }

    private record Cell(int bucket, String segment, String stage, AgingReport.Amounts amounts) {
    }
}
