package br.com.regua.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.policy.AgingBucket;
import br.com.regua.policy.Channel;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.policy.StageCatalog;
import br.com.regua.receivable.LedgerSql;
import br.com.regua.receivable.Money;
import br.com.regua.receivable.NonPaymentReason;

/**
 * The recovery report, added up in the database: the payments of a period grouped by the case as
 * each payment found it (stage, segment, policy version, written with the payment) and by the
 * channel of the last message sent before it, so a month of payments costs one pass and a few rows
 * back. What was due and the cure rate are rebuilt from the payments themselves: the receivable
 * keeps only its current balance, the payments say what it owed on any earlier day.
 */
@Service
public class RecoveryReports {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /**
     * Principal a receivable still owed at a moment (three parameters: the moment thrice): none once
     * an agreement took it over, unless that agreement was broken by then and collection resumed.
     */
    private static final String OWED = "case when exists (select 1 from agreement_receivable ar join agreement a on a.id = ar.agreement_id"
                + " where ar.receivable_id = r.id and a.created_at < ? and not (a.status = 'BROKEN' and a.ended_at < ?)) then 0"
                + " else r.principal - coalesce((select sum(p.applied_principal + p.punctuality_discount) from payment p where p.receivable_id = r.id"
                + " and p.paid_at < ?), 0) end";

    /**
     * Leaves out, before any sum, the receivables paid off long before a moment (one parameter: that
     * moment less a day): they owed nothing then, and they are most of a long history. A payment may
     * be dated a little after it was recorded, hence the day's margin.
     */
    private static final String NOT_PAID_BEFORE = "(r.status <> 'PAID' or r.updated_at >= ?)";

    private final JdbcTemplate jdbc;
    private final StageCatalog stageNames;
    private final ObjectMapper json;
    private final PolicyEngine policy;
    private final Clock clock;

    public RecoveryReports(JdbcTemplate jdbc, StageCatalog stageNames, ObjectMapper json, PolicyEngine policy, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.stageNames = stageNames;
        this.json = json;
        this.clock = clock;
    }

    /** From the start of {@code from} to the end of {@code to}, in the server's time zone. */
    public RecoveryReport between(LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();

        List<Cell> cells = jdbc.query("""
                select stage, segment, policy, channel, count(*) as n, sum(applied_principal) as principal, sum(applied_fine) as fine,
                       sum(applied_interest) as interest, sum(excess) as excess, sum(amount) as total
                from (select p.stage_at_payment as stage, p.segment_at_payment as segment, p.policy_number as policy,
                             p.applied_principal, p.applied_fine, p.applied_interest, p.excess, p.amount,
                             (select c.channel from contact c
                              where c.receivable_id = p.receivable_id and c.status in ('SENT', 'DELIVERED') and c.sent_at <= p.paid_at
                              order by c.sent_at desc, c.id desc fetch first 1 rows only) as channel
                      from payment p where p.paid_at >= ? and p.paid_at < ?) x
                group by stage, segment, policy, channel""", (rs, i) -> new Cell(rs.getString("stage"), rs.getString("segment"),
                (Integer) rs.getObject("policy", Integer.class), rs.getString("channel"), new RecoveryReport.Amounts(rs.getLong("n"),
                money(rs.getBigDecimal("principal")), money(rs.getBigDecimal("fine")), money(rs.getBigDecimal("interest")),
                money(rs.getBigDecimal("excess")), money(rs.getBigDecimal("total")))), start, end);

        RecoveryReport.Amounts recovered = cells.stream().map(Cell::amounts).reduce(RecoveryReport.Amounts.zero(),
                RecoveryReport.Amounts::plus);
        List<RecoveryReport.Reason> reasons = reasons(start, end, to);
        RecoveryReport.Due due = new RecoveryReport.Due(reasons.stream().mapToLong(RecoveryReport.Reason::count).sum(),
                reasons.stream().map(RecoveryReport.Reason::owed).reduce(zero(), BigDecimal::add));
        return new RecoveryReport(from, to, due, recovered, percent(recovered.principal(), due.principal()),
                lines(cells, Cell::stage, stageNames::nameOf, "not recorded"),
                lines(cells, Cell::segment, s -> s, "not recorded"),
                lines(cells, Cell::channel, c -> c, "no message before the payment"),
                lines(cells, c -> c.policy() == null ? null : c.policy().toString(), v -> "version " + v, "not recorded"),
                agreements(start, end), promises(start, end), cure(from, start, end), contacts(start, end), rollRates(from, to),
                reasons, punctuality(start, end), agencies(start, end));
    }

    /** The payments of the period each external collection agency collected, and its commission on them; by agency name. */
    private List<RecoveryReport.Agency> agencies(OffsetDateTime start, OffsetDateTime end) {
        return jdbc.query("""
                select agency, count(*) as n, sum(amount) as recovered, sum(agency_commission) as commission from payment
                where paid_at >= ? and paid_at < ? and agency is not null group by agency order by agency""",
                (rs, i) -> new RecoveryReport.Agency(rs.getString("agency"), rs.getLong("n"), money(rs.getBigDecimal("recovered")),
                        money(rs.getBigDecimal("commission"))), start, end);
    }

    /** The punctuality discounts granted to payments of the period: what paying by the due date took off the principal. */
    private RecoveryReport.Punctuality punctuality(OffsetDateTime start, OffsetDateTime end) {
        return jdbc.queryForObject("""
                select count(*) as n, sum(punctuality_discount) as discounts from payment
                where paid_at >= ? and paid_at < ? and punctuality_discount > 0""",
                (rs, i) -> new RecoveryReport.Punctuality(rs.getLong("n"), money(rs.getBigDecimal("discounts"))), start, end);
    }

    /**
     * Month over month, for each month the period touches that is over by today: each bucket's
     * receivables on its first day and where they were on the next month's first day (a month not
     * over yet would compare with a day to come). Buckets are the active policy's; a receivable's
     * place on a day is rebuilt from its due date and the payments made before it.
     */
    private List<RecoveryReport.Roll> rollRates(LocalDate from, LocalDate to) {
        List<AgingBucket> buckets = policy.agingBuckets();
        LocalDate today = LocalDate.now(clock);
        List<RecoveryReport.Roll> rolls = new ArrayList<>();
        for (LocalDate month = from.withDayOfMonth(1); !month.isAfter(to) && !month.plusMonths(1).isAfter(today);
             month = month.plusMonths(1)) {
            LocalDate next = month.plusMonths(1);
            OffsetDateTime startAt = month.atStartOfDay(clock.getZone()).toOffsetDateTime();
            OffsetDateTime endAt = next.atStartOfDay(clock.getZone()).toOffsetDateTime();
            Map<Integer, long[]> counts = new HashMap<>();
            Map<Integer, BigDecimal[]> sums = new HashMap<>();
            jdbc.query("select b0, case when owed1 <= 0 then 'CLEARED' when b1 > b0 then 'ROLLED' else 'STAYED' end as outcome,"
                    + " count(*) as n, sum(owed0) as owed"
                    + " from (select " + bucket(buckets, month) + " as b0, " + bucket(buckets, next) + " as b1, "
                    + OWED + " as owed0, " + OWED + " as owed1"
                    + " from receivable r where r.status <> 'CANCELLED' and r.issue_date <= ? and " + NOT_PAID_BEFORE + ") x"
                    + " where owed0 > 0 group by b0, case when owed1 <= 0 then 'CLEARED' when b1 > b0 then 'ROLLED' else 'STAYED' end",
                    rs -> {
                        int b = rs.getInt("b0");
                        int outcome = List.of("ROLLED", "STAYED", "CLEARED").indexOf(rs.getString("outcome"));
                        counts.computeIfAbsent(b, k -> new long[3])[outcome] += rs.getLong("n");
                        sums.computeIfAbsent(b, k -> new BigDecimal[] {zero(), zero(), zero()})[outcome] =
                                sums.get(b)[outcome].add(money(rs.getBigDecimal("owed")));
                    }, startAt, startAt, startAt, endAt, endAt, endAt, month, startAt.minusDays(1));
            String monthKey = month.toString().substring(0, 7);
            for (int i = 0; i < buckets.size(); i++) {
                long[] n = counts.getOrDefault(i, new long[3]);
                BigDecimal[] v = sums.getOrDefault(i, new BigDecimal[] {zero(), zero(), zero()});
                BigDecimal principal = v[0].add(v[1]).add(v[2]);
                rolls.add(new RecoveryReport.Roll(monthKey, buckets.get(i).getName(), n[0] + n[1] + n[2], principal, n[0], v[0], n[1], v[1],
                        n[2], v[2], percent(v[0], principal)));
            }
        }
        return List.copyOf(rolls);
    }

    /** The bucket index of a receivable on {@code day}, as the aging report places it: typed dates from the policy, no request text. */
    private static String bucket(List<AgingBucket> buckets, LocalDate day) {
        StringBuilder sql = new StringBuilder("case");
        for (int i = 0; i < buckets.size() - 1; i++) {
            sql.append(" when r.due_date >= ").append(LedgerSql.date(day.minusDays(buckets.get(i).getToDay()))).append(" then ").append(i);
        }
        return sql.append(" else ").append(buckets.size() - 1).append(" end").toString();
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    /**
     * Principal owed when the period began by every receivable due by its end (its principal less what
     * payments before took off it) and what payments in the period took off it, by the reason its debtor
     * gave for not paying: every reason, none given last; together they are what was due.
     */
    private List<RecoveryReport.Reason> reasons(OffsetDateTime start, OffsetDateTime end, LocalDate to) {
        Map<String, BigDecimal[]> sums = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("""
                select c.nonpayment_reason as reason, count(*) as n, sum(owed) as owed, sum(paid) as paid
                from (select r.customer_id,
                             r.principal - coalesce((select sum(p.applied_principal + p.punctuality_discount) from payment p
                                                     where p.receivable_id = r.id and p.paid_at < ?), 0) as owed,
                             coalesce((select sum(p.applied_principal) from payment p
                                       where p.receivable_id = r.id and p.paid_at >= ? and p.paid_at < ?), 0) as paid
                      from receivable r where r.status <> 'CANCELLED' and r.due_date <= ? and %s) x
                join customer c on c.id = x.customer_id
                where owed > 0 group by c.nonpayment_reason""".formatted(NOT_PAID_BEFORE), rs -> {
            String reason = rs.getString("reason");
            counts.put(reason, rs.getLong("n"));
            sums.put(reason, new BigDecimal[] {money(rs.getBigDecimal("owed")), money(rs.getBigDecimal("paid"))});
        }, start, start, end, to, start.minusDays(1));
        List<RecoveryReport.Reason> reasons = new ArrayList<>();
        List<NonPaymentReason> told = List.of(NonPaymentReason.values());
        for (int i = 0; i <= told.size(); i++) {
            String key = i < told.size() ? told.get(i).name() : null;
            BigDecimal[] v = sums.getOrDefault(key, new BigDecimal[] {zero(), zero()});
            reasons.add(new RecoveryReport.Reason(key, key == null ? "no reason given" : told.get(i).words(), counts.getOrDefault(key, 0L),
                    v[0], v[1], percent(v[1], v[0])));
        }
        return List.copyOf(reasons);
    }

    /**
     * Receivables overdue on the period's first day with principal still owed, and those of them the
     * payments up to its end paid off. A receivable settled through an agreement is cured when the
     * agreement is kept, which this count does not follow: it reads the receivable's own payments.
     */
    private RecoveryReport.Cure cure(LocalDate from, OffsetDateTime start, OffsetDateTime end) {
        return jdbc.queryForObject("""
                select count(*) as n, sum(owed) as owed, sum(case when owed_at_end <= 0 then 1 else 0 end) as cured,
                       sum(case when owed_at_end <= 0 then owed else 0 end) as cured_owed
                from (select r.principal - coalesce((select sum(p.applied_principal + p.punctuality_discount) from payment p
                                                     where p.receivable_id = r.id and p.paid_at < ?), 0) as owed,
                             r.principal - coalesce((select sum(p.applied_principal + p.punctuality_discount) from payment p
                                                     where p.receivable_id = r.id and p.paid_at < ?), 0) as owed_at_end
                      from receivable r where r.status <> 'CANCELLED' and r.due_date < ? and %s) x
                where owed > 0""".formatted(NOT_PAID_BEFORE), (rs, i) -> {
            long overdue = rs.getLong("n");
            long cured = rs.getLong("cured");
            return new RecoveryReport.Cure(overdue, money(rs.getBigDecimal("owed")), cured, money(rs.getBigDecimal("cured_owed")),
                    percent(BigDecimal.valueOf(cured), BigDecimal.valueOf(overdue)));
        }, start, end, from, start.minusDays(1));
    }

    /**
     * The discount of each agreement accepted in the period is read from its offer as signed: a
     * period holds a handful of agreements against thousands of payments, so they are read, not summed.
     */
    private RecoveryReport.Agreements agreements(OffsetDateTime start, OffsetDateTime end) {
        GivenAway given = GivenAway.none();
        List<String> offers = jdbc.queryForList("select offer from agreement where created_at >= ? and created_at < ?", String.class,
                start, end);
        for (String offer : offers) {
            given = given.plus(json, offer);
        }
        Map<String, Long> ended = counts("select status as k, count(*) as n from agreement where ended_at >= ? and ended_at < ? group by status",
                start, end);
        GivenAway total = given;
        return jdbc.queryForObject("select count(*) as n, sum(amount) as total from agreement_payment where paid_at >= ? and paid_at < ?",
                (rs, i) -> new RecoveryReport.Agreements(offers.size(), total.discount(), total.waivedCharges(), ended.getOrDefault("KEPT", 0L),
                        ended.getOrDefault("BROKEN", 0L), rs.getLong("n"), money(rs.getBigDecimal("total"))), start, end);
    }

    private RecoveryReport.Promises promises(OffsetDateTime start, OffsetDateTime end) {
        Map<String, Long> ended = counts("select status as k, count(*) as n from promise where ended_at >= ? and ended_at < ? group by status",
                start, end);
        return new RecoveryReport.Promises(ended.getOrDefault("KEPT", 0L), ended.getOrDefault("BROKEN", 0L));
    }

    /** Every channel, with none sent shown as zero: sent when it left in the period, failed when it was given up or bounced in it. */
    private List<RecoveryReport.Contacts> contacts(OffsetDateTime start, OffsetDateTime end) {
        Map<String, Long> sent = counts("""
                select channel as k, count(*) as n from contact
                where status in ('SENT', 'DELIVERED') and sent_at >= ? and sent_at < ? group by channel""", start, end);
        Map<String, Long> failed = counts("""
                select channel as k, count(*) as n from contact
                where status = 'FAILED' and updated_at >= ? and updated_at < ? group by channel""", start, end);
        List<RecoveryReport.Contacts> contacts = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            contacts.add(new RecoveryReport.Contacts(channel.name(), sent.getOrDefault(channel.name(), 0L),
                    failed.getOrDefault(channel.name(), 0L)));
        }
        return List.copyOf(contacts);
    }

    private Map<String, Long> counts(String sql, Object... args) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getString("k"), rs.getLong("n"));
        }, args);
        return counts;
    }

    /** Lines by one dimension in key order, the not-recorded line last. */
    private static List<RecoveryReport.Line> lines(List<Cell> cells, Function<Cell, String> key, Function<String, String> name,
                                                   String noKey) {
        Map<String, RecoveryReport.Amounts> byKey = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (Cell c : cells) {
            byKey.merge(key.apply(c), c.amounts(), RecoveryReport.Amounts::plus);
        }
        List<RecoveryReport.Line> lines = new ArrayList<>();
        byKey.forEach((k, v) -> lines.add(new RecoveryReport.Line(k, k == null ? noKey : name.apply(k), v)));
        return List.copyOf(lines);
    }

    private static BigDecimal money(BigDecimal sum) {
        return Money.round(Objects.requireNonNullElse(sum, BigDecimal.ZERO));
    }

    /** {@code part} over {@code whole} in percent with two decimals; null when there is no whole to take a part of. */
    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }

    private record Cell(String stage, String segment, Integer policy, String channel, RecoveryReport.Amounts amounts) {
    }
}
