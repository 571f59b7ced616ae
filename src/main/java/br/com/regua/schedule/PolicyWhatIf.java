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

import org.springframework.stereotype.Service;

import br.com.regua.cases.CollectionProcess;
import br.com.regua.cases.CollectionStages;
import br.com.regua.settings.ReguaProperties;
import br.com.regua.contact.OptOuts;
import br.com.regua.policy.CaseFacts;
import br.com.regua.policy.Channel;
import br.com.regua.policy.CompiledPolicy;
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

    /** One case's outcome under one policy. */
    public record Outcome(String segment, String nextStage, ZonedDateTime nextContactAt, BigDecimal discountOffered,
                          List<String> rulesFired) {
    }

    private record Decided(String externalId, Outcome before, Outcome after, String error) {
    }

    /** A case the candidate decides differently. {@code error} is set when the candidate could not decide it. */
    public record ChangedCase(String externalId, Outcome before, Outcome after, List<String> changes, String error) {
    }

    public record Report(int evaluated, int changed, int segmentChanged, int nextStageChanged, int nextContactDateChanged,
                         int discountChanged, int errors, BigDecimal discountOfferedBefore, BigDecimal discountOfferedAfter,
                         int activeVersion, String candidateHash, List<ChangedCase> firstChanged, long millis) {
    }

    public Report simulate(CompiledPolicy candidate, int firstChangedLimit) {
        long started = System.nanoTime();
        PolicyEngine current = new PolicyEngine(active.active());
        PolicyEngine proposed = new PolicyEngine(candidate);
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(properties.timeZone()));
        LocalDate today = now.toLocalDate();
        Tally tally = new Tally(firstChangedLimit);
        long after = 0;
        List<Receivable> page;
        do {
            page = receivables.openAfter(after, PAGE);
            List<Long> customerIds = page.stream().map(Receivable::customerId).distinct().toList();
            Map<Long, Customer> customers = receivables.customers(customerIds);
            Map<Long, Set<Channel>> optedOut = optOuts.of(customerIds);
            // deciding is the cost: a page's cases are decided on every core, then counted in order
            List<Decided> decided = page.parallelStream().map(r -> {
                CaseFacts facts = snapshots.of(r, customers.get(r.customerId()), today,
                        optedOut.getOrDefault(r.customerId(), Set.of()));
                Outcome before = outcome(current.evaluate(facts), r, now, today);
                try {
                    return new Decided(r.externalId(), before, outcome(proposed.evaluate(facts), r, now, today), null);
                } catch (PolicyOutputException e) {
                    return new Decided(r.externalId(), before, null, e.getMessage());
                }
            }).toList();
            for (Decided d : decided) {
                if (d.error() == null) {
                    tally.add(d.externalId(), d.before(), d.after());
                } else {
                    tally.error(d.externalId(), d.before(), d.error());
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
        return new Outcome(d.segment().name(), next.map(NextStepPlanner.ScheduledStep::stage).orElse(CollectionProcess.NO_MORE_STEPS),
                next.map(NextStepPlanner.ScheduledStep::at).orElse(null), discountOffered(d, r, today), d.rulesFired());
    }

    /** The money the renegotiation offer would give up: the principal discount, plus fine and interest when waived. */
    static BigDecimal discountOffered(PolicyDecision d, Receivable r, LocalDate today) {
        BigDecimal balance = r.ledger().principalOutstanding();
        BigDecimal discount = Money.round(balance.multiply(d.offerTerms().getPrincipalDiscount()));
        if (d.offerTerms().isWaiveCharges()) {
            var charges = r.ledger().chargesAsOf(today, d.chargeRates());
            discount = discount.add(charges.fine()).add(charges.interest());
        }
        return discount;
    }

    /** Counts as cases go by; keeps only the first changed cases. */
    private static final class Tally {
        final int limit;
        final List<ChangedCase> first = new ArrayList<>();
        int evaluated;
        int changed;
        int segment;
        int stage;
        int date;
        int discount;
        int errors;
        BigDecimal discountBefore = BigDecimal.ZERO.setScale(2);
        BigDecimal discountAfter = BigDecimal.ZERO.setScale(2);

        Tally(int limit) {
            this.limit = limit;
        }

        void add(String externalId, Outcome before, Outcome after) {
            evaluated++;
            discountBefore = discountBefore.add(before.discountOffered());
            discountAfter = discountAfter.add(after.discountOffered());
            List<String> changes = new ArrayList<>(4);
            if (!before.segment().equals(after.segment())) {
                segment++;
                changes.add("segment");
            }
            if (!before.nextStage().equals(after.nextStage())) {
                stage++;
                changes.add("nextStage");
            }
            if (!Objects.equals(dateOf(before), dateOf(after))) {
                date++;
                changes.add("nextContactDate");
            }
            if (before.discountOffered().compareTo(after.discountOffered()) != 0) {
                discount++;
                changes.add("discount");
            }
            if (!changes.isEmpty()) {
                changed++;
                keep(new ChangedCase(externalId, before, after, changes, null));
            }
        }

        void error(String externalId, Outcome before, String message) {
            evaluated++;
            errors++;
            changed++;
            discountBefore = discountBefore.add(before.discountOffered());
            keep(new ChangedCase(externalId, before, null, List.of("error"), message));
        }

        private void keep(ChangedCase c) {
            if (first.size() < limit) {
                first.add(c);
            }
        }

        private static LocalDate dateOf(Outcome o) {
            return o.nextContactAt() == null ? null : o.nextContactAt().toLocalDate();
        }

        Report report(int activeVersion, String candidateHash, long millis) {
            return new Report(evaluated, changed, segment, stage, date, discount, errors, discountBefore, discountAfter,
                    activeVersion, candidateHash, List.copyOf(first), millis);
        }
    }
}
