package br.com.regua.schedule;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.Comparator;

import org.springframework.stereotype.Service;

import br.com.regua.cases.CollectionProcess;
import br.com.regua.cases.CollectionStages;
import br.com.regua.settings.ReguaProperties;
import br.com.regua.contact.OptOuts;
import br.com.regua.policy.CaseFacts;
import br.com.regua.policy.Channel;
import br.com.regua.policy.CompiledPolicy;
import br.com.regua.policy.DecisionTables;
import br.com.regua.policy.PolicyTables;
import br.com.regua.policy.StageCatalog;
import br.com.regua.policy.PolicyDecision;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.policy.PolicyOutputException;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Money;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableRepository;

/**
 * What a candidate policy would change on the open portfolio, before it goes live: every open
 * case is decided by the active policy and by the candidate from the same facts of now, and the
 * differences counted. Nothing is written. Cases are read a page at a time, so memory stays flat
 * however large the portfolio.
 */
@Service
public class PolicyWhatIf {

    static final int PAGE = 1000;

    private final ReceivableRepository receivables;
    private final CaseSnapshots snapshots;
    private final PolicyEngine active;
    private final Clock clock;
    private final ReguaProperties properties;
    private final OptOuts optOuts;
    private final CollectionStages stages;

    public PolicyWhatIf(ReceivableRepository receivables, CaseSnapshots snapshots, PolicyEngine active, Clock clock,
                        ReguaProperties properties, OptOuts optOuts, CollectionStages stages) {
        this.stages = stages;
        this.receivables = receivables;
        this.snapshots = snapshots;
        this.active = active;
        this.clock = clock;
        this.properties = properties;
        this.optOuts = optOuts;
    }

    /**
     * One case's outcome under one policy. {@code discountOffered} is all the offer gives up: the
     * principal discount ({@code principalDiscount}) plus the fine and interest waived ({@code chargesWaived}).
     * {@code punctualityDiscount}: what paying in full by the due date would take off today (zero once
     * it has passed); {@code extensionDays}: the days the due date may move (0: no prorrogação).
     */
    public record Outcome(String segment, String nextStage, ZonedDateTime nextContactAt, BigDecimal discountOffered,
                          List<String> rulesFired, BigDecimal principalDiscount, BigDecimal chargesWaived,
                          BigDecimal punctualityDiscount, int extensionDays) {
    }

    private record Decided(String externalId, BigDecimal balance, Outcome before, Outcome after, String error) {
    }

    /**
     * A case the candidate decides differently. {@code error} is set when the candidate could not decide it.
     * {@code rulesOnlyBefore} fired under the active policy and not under the candidate, {@code rulesOnlyAfter}
     * the reverse; {@code editedRules} fired under either and had their table row edited; {@code explanation}
     * says all three in a sentence.
     */
    public record ChangedCase(String externalId, Outcome before, Outcome after, List<String> changes, String error,
                              BigDecimal balance, List<String> rulesOnlyBefore, List<String> rulesOnlyAfter,
                              List<String> editedRules, String explanation) {
    }

    /**
     * The money of the cases concerned (those the candidate changes): their balance (principal still
     * owed), the principal discounts and the charges waived the offers give before and after, and the
     * balance of those whose next contact comes earlier or later (or stops).
     */
    public record Amounts(BigDecimal balance, BigDecimal discountBefore, BigDecimal discountAfter, BigDecimal chargesWaivedBefore,
                        BigDecimal chargesWaivedAfter, BigDecimal balanceContactedEarlier, BigDecimal balanceContactedLater) {

        static Amounts zero() {
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            return new Amounts(zero, zero, zero, zero, zero, zero, zero);
        }

        Amounts plus(Amounts o) {
            return new Amounts(balance.add(o.balance), discountBefore.add(o.discountBefore), discountAfter.add(o.discountAfter),
                    chargesWaivedBefore.add(o.chargesWaivedBefore), chargesWaivedAfter.add(o.chargesWaivedAfter),
                    balanceContactedEarlier.add(o.balanceContactedEarlier), balanceContactedLater.add(o.balanceContactedLater));
        }
    }

    /**
     * What changes among the cases of one segment heading for one stage, both as the active policy
     * decides them today: how many cases, how many change and how, and the money of those that change.
     */
    public record Group(String segment, String nextStage, int cases, int changed, int segmentChanged, int nextStageChanged,
                        int nextContactDateChanged, int offerChanged, int errors, int contactedEarlier, int contactedLater,
                        Amounts money) {
    }

    /**
     * The counts of every case, the groups by segment and next stage ({@code breakdown}), the money of
     * the changed cases ({@code money}), and the first {@code limit} changed cases with their explanation.
     * {@code inExperiments}: open cases a champion/challenger experiment drew, left out: they are
     * decided by their arm's version for all their life, so no activation reaches them.
     */
    public record Report(int evaluated, int changed, int segmentChanged, int nextStageChanged, int nextContactDateChanged,
                         int discountChanged, int errors, BigDecimal discountOfferedBefore, BigDecimal discountOfferedAfter,
                         int activeVersion, String candidateHash, List<ChangedCase> firstChanged, long millis,
                         List<Group> breakdown, Amounts money, Map<String, String> editedRows, int inExperiments) {
    }

    public Report simulate(CompiledPolicy candidate, int firstChangedLimit) {
        long started = System.nanoTime();
        PolicyEngine current = new PolicyEngine(active.active());
        PolicyEngine proposed = new PolicyEngine(candidate);
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(properties.timeZone()));
        LocalDate today = now.toLocalDate();
        Tally tally = new Tally(firstChangedLimit, editedRows(current.active().files(), candidate.files()));
        long after = 0;
        List<Receivable> page;
        do {
            page = receivables.openAfter(after, PAGE);
            List<Long> customerIds = page.stream().map(Receivable::customerId).distinct().toList();
            Map<Long, Customer> customers = receivables.customers(customerIds);
            Map<Long, Set<Channel>> optedOut = optOuts.of(customerIds);
            // deciding is the cost: a page's cases are decided on every core, then counted in order
            page.stream().filter(r -> r.policyVersion() != null).forEach(r -> tally.inExperiments++);
            List<Decided> decided = page.parallelStream().filter(r -> r.policyVersion() == null).map(r -> {
                CaseFacts facts = snapshots.of(r, customers.get(r.customerId()), today,
                        optedOut.getOrDefault(r.customerId(), Set.of()));
                Outcome before = outcome(current.evaluate(facts), r, now, today);
                BigDecimal balance = r.ledger().principalOutstanding();
                try {
                    return new Decided(r.externalId(), balance, before, outcome(proposed.evaluate(facts), r, now, today), null);
                } catch (PolicyOutputException e) {
                    return new Decided(r.externalId(), balance, before, null, e.getMessage());
                }
            }).toList();
            for (Decided d : decided) {
                if (d.error() == null) {
                    tally.add(d.externalId(), d.balance(), d.before(), d.after());
                } else {
                    tally.error(d.externalId(), d.balance(), d.before(), d.error());
                }
            }
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == PAGE);
        return tally.report(current.active().number(), candidate.version(), (System.nanoTime() - started) / 1_000_000);
    }

    private Outcome outcome(PolicyDecision d, Receivable r, ZonedDateTime now, LocalDate today) {
        // the notices the case had, so that the what-if plans a missing one first, as the schedule will
        Map<String, LocalDate> reached = new LinkedHashMap<>();
        r.reachedDays().forEach((stage, day) -> reached.put(stage, r.dueDate().plusDays((long) day + r.pausedDays())));
        Optional<NextStepPlanner.ScheduledStep> next = NextStepPlanner.next(d, stages, r.stage(), r.lastStepDay(), r.dueDate(),
                r.pausedDays(), now, reached);
        BigDecimal discount = principalDiscount(d, r);
        BigDecimal waived = chargesWaived(d, r, today);
        return new Outcome(d.segment().name(), next.map(NextStepPlanner.ScheduledStep::stage).orElse(CollectionProcess.NO_MORE_STEPS),
                next.map(NextStepPlanner.ScheduledStep::at).orElse(null), discount.add(waived), d.rulesFired(), discount, waived,
                r.ledger().punctualityDiscount(today, d.punctualityDiscount().getRate()),
                d.extensionTerms().isAllowed() ? d.extensionTerms().getDays() : 0);
    }

    /** The money the renegotiation offer would give up: the principal discount, plus fine and interest when waived. */
    static BigDecimal discountOffered(PolicyDecision d, Receivable r, LocalDate today) {
        return principalDiscount(d, r).add(chargesWaived(d, r, today));
    }

    static BigDecimal principalDiscount(PolicyDecision d, Receivable r) {
        return Money.round(r.ledger().principalOutstanding().multiply(d.offerTerms().getPrincipalDiscount()));
    }

    /** The fine and interest of today the offer waives; nothing when it keeps them. */
    static BigDecimal chargesWaived(PolicyDecision d, Receivable r, LocalDate today) {
        if (!d.offerTerms().isWaiveCharges()) {
            return BigDecimal.ZERO.setScale(2);
        }
        var charges = r.ledger().chargesAsOf(today, d.chargeRates());
        return charges.fine().add(charges.interest());
    }

    /**
     * The rows of the decision tables the candidate edits, by rule name, each with what changed in it
     * ("Grace days: 5 → 7"), so that a case's explanation names the edited row that decided it even
     * when the same rules fire before and after. Rows added or removed show as rules fired on one side only.
     */
    private Map<String, String> editedRows(Map<String, String> active, Map<String, String> candidate) {
        List<String> keys = stages.stages().stream().map(StageCatalog.StageInfo::key).toList();
        Map<String, String> edited = new TreeMap<>();
        candidate.forEach((file, text) -> {
            String was = active.get(file);
            if (!DecisionTables.isTableFile(file) || was == null || was.equals(text)) {
                return;
            }
            for (PolicyTables.TableChange table : PolicyTables.diff(file, was, text, keys)) {
                for (PolicyTables.CellChange cell : table.changed()) {
                    edited.merge(cell.rule(), cell.header() + ": " + cell.before() + " → " + cell.after(), (a, b) -> a + "; " + b);
                }
            }
        });
        return edited;
    }

    /** Counts as cases go by, by segment and next stage; keeps only the first changed cases. */
    private static final class Tally {
        final int limit;
        final Map<String, String> editedRows;
        final List<ChangedCase> first = new ArrayList<>();
        final Map<List<String>, GroupTally> groups = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        int evaluated;
        int inExperiments;
        int changed;
        int segment;
        int stage;
        int date;
        int discount;
        int errors;
        BigDecimal discountBefore = BigDecimal.ZERO.setScale(2);
        BigDecimal discountAfter = BigDecimal.ZERO.setScale(2);

        Tally(int limit, Map<String, String> editedRows) {
            this.limit = limit;
            this.editedRows = editedRows;
        }

        void add(String externalId, BigDecimal balance, Outcome before, Outcome after) {
            evaluated++;
            discountBefore = discountBefore.add(before.discountOffered());
            discountAfter = discountAfter.add(after.discountOffered());
            GroupTally group = group(before);
            group.cases++;
            List<String> changes = new ArrayList<>(4);
            if (!before.segment().equals(after.segment())) {
                segment++;
                group.segment++;
                changes.add("segment");
            }
            if (!before.nextStage().equals(after.nextStage())) {
                stage++;
                group.stage++;
                changes.add("nextStage");
            }
            int moved = compare(dateOf(after), dateOf(before));
            if (moved != 0) {
                date++;
                group.date++;
                changes.add("nextContactDate");
            }
            if (before.discountOffered().compareTo(after.discountOffered()) != 0
                    || before.chargesWaived().compareTo(after.chargesWaived()) != 0) {
                discount++;
                group.offer++;
                changes.add("discount");
            }
            // the prorrogação and the punctuality discount are offers too
            if (before.punctualityDiscount().compareTo(after.punctualityDiscount()) != 0) {
                if (!changes.contains("discount")) {
                    discount++;
                    group.offer++;
                }
                changes.add("punctualityDiscount");
            }
            if (before.extensionDays() != after.extensionDays()) {
                if (!changes.contains("discount") && !changes.contains("punctualityDiscount")) {
                    discount++;
                    group.offer++;
                }
                changes.add("extension");
            }
            if (changes.isEmpty()) {
                return;
            }
            changed++;
            group.changed++;
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            if (moved < 0) {
                group.earlier++;
            } else if (moved > 0) {
                group.later++;
            }
            group.money = group.money.plus(new Amounts(balance, before.principalDiscount(), after.principalDiscount(),
                    before.chargesWaived(), after.chargesWaived(), moved < 0 ? balance : zero, moved > 0 ? balance : zero));
            // the explanation is built only for the cases listed: a large portfolio may change by the thousand
            if (first.size() < limit) {
                first.add(changed(externalId, balance, before, after, changes, null));
            }
        }

        void error(String externalId, BigDecimal balance, Outcome before, String message) {
            evaluated++;
            errors++;
            changed++;
            discountBefore = discountBefore.add(before.discountOffered());
            GroupTally group = group(before);
            group.cases++;
            group.changed++;
            group.errors++;
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            group.money = group.money.plus(new Amounts(balance, before.principalDiscount(), zero, before.chargesWaived(), zero, zero, zero));
            if (first.size() < limit) {
                first.add(changed(externalId, balance, before, null, List.of("error"), message));
            }
        }

        private ChangedCase changed(String externalId, BigDecimal balance, Outcome before, Outcome after, List<String> changes,
                                    String error) {
            List<String> fired = after == null ? List.of() : after.rulesFired();
            List<String> onlyBefore = before.rulesFired().stream().filter(r -> !fired.contains(r)).distinct().toList();
            List<String> onlyAfter = fired.stream().filter(r -> !before.rulesFired().contains(r)).distinct().toList();
            List<String> edited = java.util.stream.Stream.concat(before.rulesFired().stream(), fired.stream()).distinct()
                    .filter(editedRows::containsKey).toList();
            return new ChangedCase(externalId, before, after, changes, error, balance, onlyBefore, onlyAfter, edited,
                    explanation(onlyBefore, onlyAfter, edited, error));
        }

        private String explanation(List<String> onlyBefore, List<String> onlyAfter, List<String> edited, String error) {
            List<String> parts = new ArrayList<>();
            if (error != null) {
                parts.add("the candidate could not decide it: " + error);
            }
            if (!onlyBefore.isEmpty()) {
                parts.add("only under the active policy: " + quoted(onlyBefore));
            }
            if (!onlyAfter.isEmpty()) {
                parts.add("only under the candidate: " + quoted(onlyAfter));
            }
            for (String rule : edited) {
                parts.add("edited row «" + rule + "» (" + editedRows.get(rule) + ")");
            }
            return parts.isEmpty() ? "the same rules fired with the same rows: the change comes from a rule file's logic"
                    : String.join("; ", parts);
        }

        private static String quoted(List<String> rules) {
            return rules.stream().map(r -> "«" + r + "»").collect(java.util.stream.Collectors.joining(", "));
        }

        private GroupTally group(Outcome before) {
            return groups.computeIfAbsent(List.of(before.segment(), before.nextStage()), k -> new GroupTally());
        }

        private static LocalDate dateOf(Outcome o) {
            return o.nextContactAt() == null ? null : o.nextContactAt().toLocalDate();
        }

        /** Negative when {@code a} comes before {@code b}; no date at all (no more steps) comes after every date. */
        private static int compare(LocalDate a, LocalDate b) {
            if (Objects.equals(a, b)) {
                return 0;
            }
            return a == null ? 1 : b == null ? -1 : a.compareTo(b);
        }

        Report report(int activeVersion, String candidateHash, long millis) {
            List<Group> breakdown = new ArrayList<>();
            Amounts money = Amounts.zero();
            for (var e : groups.entrySet()) {
                GroupTally g = e.getValue();
                breakdown.add(new Group(e.getKey().get(0), e.getKey().get(1), g.cases, g.changed, g.segment, g.stage, g.date, g.offer,
                        g.errors, g.earlier, g.later, g.money));
                money = money.plus(g.money);
            }
            return new Report(evaluated, changed, segment, stage, date, discount, errors, discountBefore, discountAfter,
                    activeVersion, candidateHash, List.copyOf(first), millis, List.copyOf(breakdown), money,
                    java.util.Collections.unmodifiableMap(editedRows), inExperiments);
        }
    }

    private static final class GroupTally {
        int cases;
        int changed;
        int segment;
        int stage;
        int date;
        int offer;
        int errors;
        int earlier;
        int later;
        Amounts money = Amounts.zero();
    }
}
