package br.com.regua.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.experiment.Experiment;
import br.com.regua.experiment.ExperimentService;
import br.com.regua.receivable.Money;

/**
 * The champion/challenger report, from the cases each arm drew: a case's principal, what its payments
 * took off it, whether it is paid off and when, the messages it was sent. The recovery rate of an arm
 * is a ratio of sums (money recovered over money owed), its interval the ratio estimator's; the cure
 * rate is a share of cases, its interval Wilson's; differences are tested with a two-sided z-test.
 */
@Service
public class ExperimentReports {

    private static final NormalDistribution NORMAL = new NormalDistribution();
    /** Two-sided 95%. */
    private static final double Z = NORMAL.inverseCumulativeProbability(0.975);
    private static final double SIGNIFICANCE = 0.05;

    private final JdbcTemplate jdbc;
    private final ExperimentService experiments;
    private final ObjectMapper json;
    private final Clock clock;

    public ExperimentReports(JdbcTemplate jdbc, ExperimentService experiments, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.experiments = experiments;
        this.json = json;
        this.clock = clock;
    }

    private record Case(BigDecimal principal, BigDecimal recovered, boolean paid, Long daysToPay, long messages) {
    }

    private record Sample(Experiment.Arm arm, int version, List<Case> cases, GivenAway given) {
    }

    public ExperimentReport of(long id) {
        Experiment e = experiments.get(id);
        Sample champion = sample(e, Experiment.Arm.CHAMPION);
        Sample challenger = sample(e, Experiment.Arm.CHALLENGER);
        ExperimentReport.Arm a = arm(champion);
        ExperimentReport.Arm b = arm(challenger);
        ExperimentReport.Difference recovery = recoveryDifference(champion.cases(), challenger.cases());
        ExperimentReport.Difference cure = cureDifference(champion.cases(), challenger.cases());
        return new ExperimentReport(e, e.statusAt(OffsetDateTime.now(clock)), a, b, recovery, cure, verdict(a, b, recovery));
    }

    private Sample sample(Experiment e, Experiment.Arm arm) {
        List<Case> cases = jdbc.query("""
                select r.principal, r.status, r.due_date,
                       coalesce((select sum(p.applied_principal) from payment p where p.receivable_id = r.id), 0) as recovered,
                       (select max(p.paid_at) from payment p where p.receivable_id = r.id) as last_paid,
                       (select count(*) from contact c where c.receivable_id = r.id and c.status in ('SENT', 'DELIVERED')) as messages
                from receivable r where r.experiment_id = ? and r.experiment_arm = ? and r.status <> 'CANCELLED'""", (rs, i) -> {
            boolean paid = "PAID".equals(rs.getString("status"));
            OffsetDateTime lastPaid = rs.getObject("last_paid", OffsetDateTime.class);
            Long days = paid && lastPaid != null ? ChronoUnit.DAYS.between(rs.getObject("due_date", LocalDate.class),
                    lastPaid.atZoneSameInstant(clock.getZone()).toLocalDate()) : null;
            return new Case(rs.getBigDecimal("principal"), rs.getBigDecimal("recovered"), paid, days, rs.getLong("messages"));
        }, e.id(), arm.name());
        GivenAway given = GivenAway.none();
        for (String offer : jdbc.queryForList("""
                select a.offer from agreement a where exists (select 1 from agreement_receivable ar join receivable r on r.id = ar.receivable_id
                where ar.agreement_id = a.id and r.experiment_id = ? and r.experiment_arm = ?)""", String.class, e.id(), arm.name())) {
            given = given.plus(json, offer);
        }
        // what paying by the due date took off, as the ledger applied it, is given away too
        BigDecimal punctuality = jdbc.queryForObject("""
                select coalesce(sum(p.punctuality_discount), 0) from payment p join receivable r on r.id = p.receivable_id
                where r.experiment_id = ? and r.experiment_arm = ?""", BigDecimal.class, e.id(), arm.name());
        return new Sample(arm, e.versionOf(arm), cases, new GivenAway(given.discount().add(Money.round(punctuality)),
                given.waivedCharges()));
    }

    private static ExperimentReport.Arm arm(Sample s) {
        List<Case> cases = s.cases();
        BigDecimal principal = Money.round(cases.stream().map(Case::principal).reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal recovered = Money.round(cases.stream().map(Case::recovered).reduce(BigDecimal.ZERO, BigDecimal::add));
        long cured = cases.stream().filter(Case::paid).count();
        long messages = cases.stream().mapToLong(Case::messages).sum();
        return new ExperimentReport.Arm(s.arm().name(), s.version(), cases.size(), principal, recovered, recoveryRate(cases), cured,
                wilson(cured, cases.size()), mean(cases.stream().filter(c -> c.daysToPay() != null).map(c -> (double) c.daysToPay()).toList()),
                s.given().discount(), s.given().waivedCharges(), messages, mean(cases.stream().map(c -> (double) c.messages()).toList()));
    }

    /** Ratio of sums, with the ratio estimator's variance: Σ(r − R·p)² / ((n − 1)·n·p̄²). */
    private static double[] ratio(List<Case> cases) {
        int n = cases.size();
        double p = 0;
        double r = 0;
        for (Case c : cases) {
            p += c.principal().doubleValue();
            r += c.recovered().doubleValue();
        }
        if (n < 2 || p == 0) {
            return null;
        }
        double rate = r / p;
        double squares = 0;
        for (Case c : cases) {
            double d = c.recovered().doubleValue() - rate * c.principal().doubleValue();
            squares += d * d;
        }
        double meanPrincipal = p / n;
        return new double[] {rate, squares / ((n - 1) * (double) n * meanPrincipal * meanPrincipal)};
    }

    private static ExperimentReport.Estimate recoveryRate(List<Case> cases) {
        double[] r = ratio(cases);
        if (r == null) {
            return ExperimentReport.Estimate.NONE;
        }
        double half = Z * Math.sqrt(r[1]);
        return new ExperimentReport.Estimate(percent(r[0]), percent(Math.max(0, r[0] - half)), percent(Math.min(1, r[0] + half)));
    }

    /** Wilson's interval: honest for small arms and for rates near 0 or 100%. */
    private static ExperimentReport.Estimate wilson(long successes, long n) {
        if (n == 0) {
            return ExperimentReport.Estimate.NONE;
        }
        double p = (double) successes / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new ExperimentReport.Estimate(percent(p), percent(Math.max(0, centre - half)), percent(Math.min(1, centre + half)));
    }

    private static ExperimentReport.Estimate mean(List<Double> values) {
        int n = values.size();
        if (n < 2) {
            return n == 1 ? new ExperimentReport.Estimate(scale(values.get(0)), null, null) : ExperimentReport.Estimate.NONE;
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double half = Z * Math.sqrt(squares / (n - 1) / n);
        return new ExperimentReport.Estimate(scale(mean), scale(mean - half), scale(mean + half));
    }

    private static ExperimentReport.Difference recoveryDifference(List<Case> champion, List<Case> challenger) {
        double[] a = ratio(champion);
        double[] b = ratio(challenger);
        if (a == null || b == null) {
            return ExperimentReport.Difference.NONE;
        }
        return difference(b[0] - a[0], Math.sqrt(a[1] + b[1]));
    }

    /** The two-proportion z-test, with the pooled share under the hypothesis that the arms cure alike. */
    private static ExperimentReport.Difference cureDifference(List<Case> champion, List<Case> challenger) {
        int n1 = champion.size();
        int n2 = challenger.size();
        if (n1 == 0 || n2 == 0) {
            return ExperimentReport.Difference.NONE;
        }
        long x1 = champion.stream().filter(Case::paid).count();
        long x2 = challenger.stream().filter(Case::paid).count();
        double pooled = (double) (x1 + x2) / (n1 + n2);
        return difference((double) x2 / n2 - (double) x1 / n1, Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2)));
    }

    private static ExperimentReport.Difference difference(double diff, double standardError) {
        // identical arms with no spread at all: no evidence of any difference
        double p = standardError == 0 ? (diff == 0 ? 1 : 0) : 2 * (1 - NORMAL.cumulativeProbability(Math.abs(diff) / standardError));
        return new ExperimentReport.Difference(percent(diff), BigDecimal.valueOf(p).setScale(4, RoundingMode.HALF_UP), p < SIGNIFICANCE);
    }

    private static String verdict(ExperimentReport.Arm champion, ExperimentReport.Arm challenger, ExperimentReport.Difference recovery) {
        if (recovery.points() == null) {
            return "Too few cases to compare yet: the champion has %d and the challenger %d; each arm needs at least two with money owed."
                    .formatted(champion.cases(), challenger.cases());
        }
        String figures = "The challenger (version %d) recovered %s%% of what its %d cases owed (95%% CI %s–%s%%), the champion (version %d) %s%% of its %d (%s–%s%%)"
                .formatted(challenger.policyVersion(), pt(challenger.recoveryRate().value()), challenger.cases(),
                        pt(challenger.recoveryRate().low()), pt(challenger.recoveryRate().high()), champion.policyVersion(),
                        pt(champion.recoveryRate().value()), champion.cases(), pt(champion.recoveryRate().low()),
                        pt(champion.recoveryRate().high()));
        String p = recovery.pValue().compareTo(new BigDecimal("0.0001")) < 0 ? "p < 0.0001" : "p = " + recovery.pValue().toPlainString();
        if (!recovery.significant()) {
            return figures + ": a difference of %s points, not significant at the 5%% level (%s). More cases are needed to tell them apart."
                    .formatted(pt(recovery.points()), p);
        }
        String better = recovery.points().signum() > 0 ? "the challenger recovers more; promoting it is activating version "
                + challenger.policyVersion() : "the champion recovers more; the challenger is not worth promoting";
        return figures + ": a difference of %s points, significant at the 5%% level (%s): %s.".formatted(pt(recovery.points()), p, better);
    }

    private static String pt(BigDecimal v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static BigDecimal percent(double share) {
        return BigDecimal.valueOf(share * 100).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal scale(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }
}
