package br.com.regua.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Runs the scenarios of a policy against that same policy and compares each decision with what
 * the credit manager expected. A policy whose scenarios fail is not activated.
 */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    /**
     * Runs the scenarios that come with the policy's own files; {@code stages} orders two steps of one
     * day when a scenario expects the next one.
     */
    public static ScenarioReport run(CompiledPolicy policy, StageCatalog stages) {
        return run(policy, ScenarioFiles.of(policy.files()), stages);
    }

    public static ScenarioReport run(CompiledPolicy policy, List<Scenario> scenarios, StageCatalog stages) {
        PolicyEngine engine = new PolicyEngine(policy);
        List<ScenarioFailure> failures = new ArrayList<>();
        Set<String> fired = new TreeSet<>();
        // the aging report's buckets do not depend on a case: asked once, for the scenarios that check them
        List<String> agingFired = new ArrayList<>();
        List<AgingBucket> aging = scenarios.stream().anyMatch(s -> s.expectations().containsKey("expectedagingbucket"))
                ? engine.agingBuckets(agingFired) : List.of();
        for (Scenario s : scenarios) {
            PolicyDecision d;
            AgencyTerms agency;
            try {
                d = engine.evaluate(s.facts());
            } catch (PolicyOutputException e) {
                failures.add(new ScenarioFailure(s.file(), s.line(), s.name(), "decision", "a decision", e.getMessage()));
                continue;
            }
            fired.addAll(d.rulesFired());
            try {
                agency = s.expectations().keySet().stream().anyMatch(k -> k.startsWith("expectedagency")) ? engine.agencyTerms(s.facts()) : null;
            } catch (PolicyOutputException e) {
                failures.add(new ScenarioFailure(s.file(), s.line(), s.name(), "agency", "a decision", e.getMessage()));
                continue;
            }
            AgencyTerms terms = agency;
            s.expectations().forEach((check, expected) -> {
                try {
                    String actual = check.equals("expectedagingbucket") ? sameBucket(expected, aging, s.facts())
                            : check.startsWith("expectedagency") ? agencyMismatch(check, expected, terms)
                            : mismatch(check, expected, d, s.facts(), stages);
                    if (actual != null) {
                        failures.add(new ScenarioFailure(s.file(), s.line(), s.name(), label(check), expected, actual));
                    }
                } catch (IllegalArgumentException e) {
                    failures.add(new ScenarioFailure(s.file(), s.line(), s.name(), label(check), expected, e.getMessage()));
                }
            });
        }
        if (!aging.isEmpty()) {
            fired.addAll(agingFired);
        }
        return new ScenarioReport(scenarios.size(), List.copyOf(failures), fired);
    }

    /** The bucket of the aging report that holds the scenario's days overdue (from the due date, paused days and all). */
    private static String sameBucket(String expected, List<AgingBucket> buckets, CaseFacts facts) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(facts.getDueDate(), facts.getToday());
        List<String> holding = buckets.stream()
                .filter(b -> (b.getFromDay() == null || days >= b.getFromDay()) && (b.getToDay() == null || days <= b.getToDay()))
                .map(AgingBucket::getName).toList();
        String actual = holding.isEmpty() ? "no bucket" : String.join(" and ", holding);
        return actual.equals(expected.strip()) ? null : actual;
    }

    /** Null when the agency terms meet the expectation; otherwise what the policy decided instead. */
    private static String agencyMismatch(String check, String expected, AgencyTerms terms) {
        return switch (check) {
            // "alfa 50% beta 50%" or "alfa"; "none" when no agency takes the debt
            case "expectedagency", "expectedagencies" -> {
                String want = expected.strip().replaceAll("\\s+", " ");
                String got = terms.sharesText();
                boolean alone = terms.shares().size() == 1 && terms.shares().get(0).getShare().compareTo(BigDecimal.ONE) == 0
                        && terms.shares().get(0).getAgency().equals(want);
                yield got.equalsIgnoreCase(want) || alone ? null : got;
            }
            case "expectedagencycommission" -> expected.strip().equalsIgnoreCase("none")
                    ? (terms.commissionRate() == null ? null : percent(terms.commissionRate()))
                    : sameNumber(fraction(expected), terms.commissionRate(), percent(terms.commissionRate()));
            default -> throw new IllegalArgumentException("unknown expectation " + check);
        };
    }

    /** The first step the policy plans from the scenario's day on, after the stage the case is in. */
    static Optional<PlannedStep> nextStep(PolicyDecision d, CaseFacts facts, StageCatalog stages) {
        return d.plan().stream()
                .filter(p -> p.getDay() >= facts.getDaysOverdue() && stages.order(p.getStage()) > stages.order(facts.getCurrentStage()))
                .min(stages.planOrder());
    }

    /** Null when the decision meets the expectation; otherwise what the policy decided instead. */
    private static String mismatch(String check, String expected, PolicyDecision d, CaseFacts facts, StageCatalog stages) {
        Optional<PlannedStep> next = nextStep(d, facts, stages);
        return switch (check) {
            case "expectedsegment" -> same(upper(expected), d.segment().name());
            case "expectedgracedays" -> same(Integer.parseInt(expected.strip()), d.graceDays());
            case "expecteddiscount" -> sameNumber(fraction(expected), d.offerTerms().getPrincipalDiscount(), percent(d.offerTerms().getPrincipalDiscount()));
            case "expectedwaivecharges" -> same(ScenarioFiles.yes(expected), d.offerTerms().isWaiveCharges());
            case "expectedmaxinstallments" -> same(Integer.parseInt(expected.strip()), d.offerTerms().getMaxInstallments());
            case "expectedmininstallment" -> sameNumber(ScenarioFiles.decimal(expected, "minimum installment"),
                    d.offerTerms().getMinInstallment(), String.valueOf(d.offerTerms().getMinInstallment()));
            case "expectedoffervaliddays" -> same(Integer.parseInt(expected.strip()), d.offerTerms().getValidDays());
            case "expectedrenegotiationallowed" -> same(ScenarioFiles.yes(expected), d.offerTerms().isRenegotiationAllowed());
            case "expectednextstage" -> same(upper(expected), next.map(PlannedStep::getStage).orElse("NONE"));
            case "expectednextstageday" -> same(expected.strip(), next.map(p -> String.valueOf(p.getDay())).orElse("none"));
            case "expectedplanincludes" -> missing(words(expected), d.plan().stream()
                    .flatMap(p -> List.of(p.getStage(), p.toString()).stream()).toList(), d);
            case "expectedplanexcludes" -> words(expected).stream()
                    .anyMatch(w -> d.plan().stream().anyMatch(p -> p.getStage().equals(w) || p.toString().equals(w)))
                    ? plan(d) : null;
            case "expectedchannels" -> same(words(expected).stream().filter(w -> !w.equals("NONE")).collect(Collectors.toCollection(TreeSet::new)),
                    d.channels().stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new)));
            case "expectednoticechannels" -> same(words(expected).stream().filter(w -> !w.equals("NONE")).collect(Collectors.toCollection(TreeSet::new)),
                    d.noticeChannels().stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new)));
            case "expectedmaxpromises" -> same(Integer.parseInt(expected.strip()), d.promiseTerms().getMaxPromises());
            case "expectedpromisedaysahead" -> same(Integer.parseInt(expected.strip()), d.promiseTerms().getMaxDaysAhead());
            case "expectedpromisetolerancedays" -> same(Integer.parseInt(expected.strip()), d.promiseTerms().getToleranceDays());
            case "expectedpromisetoleranceamount" -> sameNumber(ScenarioFiles.decimal(expected, "promise tolerance amount"),
                    d.promiseTerms().getToleranceAmount(), String.valueOf(d.promiseTerms().getToleranceAmount()));
            case "expectedextensionallowed" -> same(ScenarioFiles.yes(expected), d.extensionTerms().isAllowed());
            case "expectedextensiondays" -> same(Integer.parseInt(expected.strip()), d.extensionTerms().getDays());
            case "expectedextensionmaxtimes" -> same(Integer.parseInt(expected.strip()), d.extensionTerms().getMaxTimes());
            case "expectedpunctualitydiscount" -> sameNumber(fraction(expected), d.punctualityDiscount().getRate(),
                    percent(d.punctualityDiscount().getRate()));
            case "expectedpriority" -> same(Integer.parseInt(expected.strip()), d.priority());
            // group ids are the names of Camunda groups: their case is kept
            case "expectedcallgroups" -> same(java.util.Arrays.stream(expected.split("[\\s,|]+")).filter(w -> !w.isBlank())
                    .collect(Collectors.toCollection(TreeSet::new)), new TreeSet<>(d.callGroups()));
            case "expectedfinerate" -> sameNumber(fraction(expected), d.chargeRates().getFineRate(), percent(d.chargeRates().getFineRate()));
            case "expectedinterestrate" -> sameNumber(fraction(expected), d.chargeRates().getMonthlyInterestRate(),
                    percent(d.chargeRates().getMonthlyInterestRate()));
            case "expectedcontactwindows" -> missing(Arrays.stream(expected.split("\\|")).map(String::strip).toList(),
                    d.contactWindows().stream().map(ContactWindow::toString).toList(),
                    d.contactWindows().stream().map(ContactWindow::toString).collect(Collectors.joining(" | ")));
            case "expectednocontacton" -> {
                List<String> allowed = words(expected).stream()
                        .filter(day -> d.contactWindows().stream().anyMatch(w -> w.getDayOfWeek().name().equals(day))).toList();
                yield allowed.isEmpty() ? null : "contact allowed on " + String.join(" ", allowed);
            }
            case "expectedrulesfired" -> {
                List<String> absent = Arrays.stream(expected.split("\\|")).map(String::strip)
                        .filter(r -> !d.rulesFired().contains(r)).toList();
                yield absent.isEmpty() ? null : "did not fire: " + String.join(" | ", absent);
            }
            case "expectedmindownpayment" -> sameNumber(fraction(expected), d.offerTerms().getMinDownPayment(),
                    percent(d.offerTerms().getMinDownPayment()));
            case "expectedinstallmentinterest" -> sameNumber(fraction(expected), d.offerTerms().getInstallmentMonthlyInterest(),
                    percent(d.offerTerms().getInstallmentMonthlyInterest()));
            case "expectedinterestfreeinstallments" -> same(Integer.parseInt(expected.strip()), d.offerTerms().getInterestFreeInstallments());
            case "expectedfirstinstallmentdays" -> same(Integer.parseInt(expected.strip()), d.offerTerms().getFirstInstallmentDays());
            case "expectedmonthsbetweeninstallments" -> same(Integer.parseInt(expected.strip()), d.offerTerms().getMonthsBetweenInstallments());
            case "expectedinstallmentreminderdays" -> same(Integer.parseInt(expected.strip()), d.offerTerms().getReminderDaysBefore());
            case "expectedinstallmentgracedays" -> same(Integer.parseInt(expected.strip()), d.offerTerms().getInstallmentGraceDays());
            case "expectedresumestage" -> same(upper(expected), String.valueOf(d.offerTerms().getResumeStage()));
            case "expectedcontactsperweek" -> same(expected.strip(), String.valueOf(d.maxContactsPerWeek()));
            // the same notice may be required twice as rules re-plan a step: the set is what counts
            case "expectednoticesrequired" -> same(entries(expected),
                    d.requiredNotices().stream().map(RequiredNotice::toString).collect(Collectors.toCollection(TreeSet::new)));
            case "expectedfallbacks" -> same(entries(expected),
                    d.fallbacks().stream().map(f -> f.getFailed() + " BY " + f.getInstead()).collect(Collectors.toCollection(TreeSet::new)));
            default -> throw new IllegalArgumentException("unknown expectation " + check);
        };
    }

    /** Entries separated by "|"; "none" for none. */
    private static TreeSet<String> entries(String text) {
        TreeSet<String> set = new TreeSet<>();
        for (String e : text.split("\\|")) {
            String entry = e.strip().replaceAll("\\s+", " ");
            if (!entry.isEmpty() && !entry.equalsIgnoreCase("none")) {
                set.add(entry.toUpperCase(Locale.ROOT).replace(" DAYS BEFORE ", " days before "));
            }
        }
        return set;
    }

    private static String same(Object expected, Object actual) {
        return Objects.equals(expected, actual) ? null : String.valueOf(actual);
    }

    private static String sameNumber(BigDecimal expected, BigDecimal actual, String shown) {
        return actual != null && expected.compareTo(actual) == 0 ? null : shown;
    }

    private static String missing(List<String> expected, List<String> actual, Object shown) {
        return actual.containsAll(expected) ? null : String.valueOf(shown);
    }

    private static String missing(List<String> expected, List<String> actual, PolicyDecision d) {
        return actual.containsAll(expected) ? null : plan(d);
    }

    private static String plan(PolicyDecision d) {
        return d.plan().stream().map(PlannedStep::toString).collect(Collectors.joining(" "));
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.strip().split("[\\s,]+")).filter(w -> !w.isEmpty()).map(w -> w.toUpperCase(Locale.ROOT)).toList();
    }

    private static String upper(String text) {
        return text.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
    }

    /** "10%" or "0.10" (or "10,5%") as a fraction. */
    static BigDecimal fraction(String text) {
        String t = text.strip();
        if (t.endsWith("%")) {
            return ScenarioFiles.decimal(t.substring(0, t.length() - 1), "percentage").movePointLeft(2);
        }
        return ScenarioFiles.decimal(t, "fraction");
    }

    private static String percent(BigDecimal fraction) {
        return fraction == null ? "none" : fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String label(String check) {
        return switch (check) {
            case "expectedgracedays" -> "grace days";
            case "expectedwaivecharges" -> "waive charges";
            case "expectedmaxinstallments" -> "max installments";
            case "expectedmininstallment" -> "min installment";
            case "expectedoffervaliddays" -> "offer valid days";
            case "expectedrenegotiationallowed" -> "renegotiation allowed";
            case "expectednextstage" -> "next stage";
            case "expectednextstageday" -> "next stage day";
            case "expectedplanincludes" -> "plan includes";
            case "expectedplanexcludes" -> "plan excludes";
            case "expectedfinerate" -> "fine rate";
            case "expectedinterestrate" -> "interest rate";
            case "expectedcontactwindows" -> "contact windows";
            case "expectednocontacton" -> "no contact on";
            case "expectedrulesfired" -> "rules fired";
            case "expectedagingbucket" -> "aging bucket";
            case "expectedmaxpromises" -> "max promises";
            case "expectedpromisedaysahead" -> "promise days ahead";
            case "expectedpromisetolerancedays" -> "promise tolerance days";
            case "expectedpromisetoleranceamount" -> "promise tolerance amount";
            case "expectedmindownpayment" -> "min down payment";
            case "expectedinstallmentinterest" -> "installment interest";
            case "expectedinterestfreeinstallments" -> "interest-free installments";
            case "expectedfirstinstallmentdays" -> "first installment days";
            case "expectedmonthsbetweeninstallments" -> "months between installments";
            case "expectedinstallmentreminderdays" -> "installment reminder days";
            case "expectedinstallmentgracedays" -> "installment grace days";
            case "expectedresumestage" -> "resume stage";
            case "expectedcontactsperweek" -> "contacts per week";
            case "expectednoticesrequired" -> "notices required";
            case "expectedfallbacks" -> "fallbacks";
            case "expectednoticechannels" -> "notice channels";
            case "expectedcallgroups" -> "call groups";
            case "expectedagency", "expectedagencies" -> "agency";
            case "expectedagencycommission" -> "agency commission";
            default -> check.replaceFirst("^expected", "");
        };
    }

    static final Comparator<ScenarioFailure> ORDER = Comparator.comparing(ScenarioFailure::file).thenComparingInt(ScenarioFailure::line);

    /** Runs against a policy's own scenarios and lists the failures as lines a person reads. */
    public static List<String> describe(List<ScenarioFailure> failures) {
        return failures.stream().sorted(ORDER).map(f -> f.file() + ":" + f.line() + " " + f.scenario() + ": expected " + f.check()
                + " " + f.expected() + ", got " + f.actual()).toList();
    }

}
