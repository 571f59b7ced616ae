package br.com.regua.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Evaluates a case's facts against the active policy. The policy is swapped whole through one
 * volatile reference, so no decision ever sees a half-loaded policy.
 */
public class PolicyEngine {

    /** Far above any real evaluation (tens of firings); reaching it means two rules undo each other. */
    static final int MAX_RULE_FIRINGS = 10_000;

    private volatile CompiledPolicy active;
    /** Null on the engines of what-ifs and scenarios: only the live decisions are measured. */
    private Timer decided;
    private Timer refused;
    /** Null on the engines of what-ifs and scenarios: they decide every case by their one policy. */
    private IntFunction<CompiledPolicy> versions;

    public PolicyEngine(CompiledPolicy initial) {
        this.active = initial;
    }

    /**
     * Measures every evaluation from now on as {@code regua_decisions_seconds{outcome}} (decided, or
     * refused when the policy's output was unusable), with a histogram for latency quantiles.
     */
    public PolicyEngine measuredBy(MeterRegistry registry) {
        this.decided = decisionTimer(registry, "decided");
        this.refused = decisionTimer(registry, "refused");
        return this;
    }

    /**
     * Decides a case a champion/challenger experiment drew to a version ({@link CaseFacts#getPolicyVersion()})
     * by that version, whichever is active, found through {@code versions}.
     */
    public PolicyEngine pinnedVersionsFrom(IntFunction<CompiledPolicy> versions) {
        this.versions = versions;
        return this;
    }

    /** The policy that decides a case: its pinned version, or the active one. */
    public CompiledPolicy policyFor(CaseFacts facts) {
        CompiledPolicy policy = active;
        Integer pinned = facts.getPolicyVersion();
        return pinned == null || versions == null || pinned == policy.number() ? policy : versions.apply(pinned);
    }

    private static Timer decisionTimer(MeterRegistry registry, String outcome) {
        return Timer.builder("regua.decisions").description("evaluations of a case's facts against the active policy")
                .tag("outcome", outcome).publishPercentileHistogram()
                .minimumExpectedValue(java.time.Duration.ofNanos(50_000)).maximumExpectedValue(java.time.Duration.ofSeconds(1))
                .register(registry);
    }

    public CompiledPolicy active() {
        return active;
    }

    public void activate(CompiledPolicy policy) {
        this.active = policy;
    }

    public PolicyDecision evaluate(CaseFacts facts) {
        if (decided == null) {
            return decide(facts);
        }
        long start = System.nanoTime();
        boolean ok = false;
        try {
            PolicyDecision decision = decide(facts);
            ok = true;
            return decision;
        } finally {
            (ok ? decided : refused).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private PolicyDecision decide(CaseFacts facts) {
        CompiledPolicy policy = policyFor(facts);
        // a new session each time: Drools' pooled sessions, reset between decisions, decided wrongly (PolicyEngineSessionsTests)
        KieSession session = policy.kieBase().newKieSession();
        List<String> firedNames = new ArrayList<>();
        try {
            PriorityScore priority = new PriorityScore();
            session.insert(facts);
            session.insert(priority);
            int fired = session.fireAllRules(recordingIn(firedNames), MAX_RULE_FIRINGS);
            if (fired >= MAX_RULE_FIRINGS) {
                throw new PolicyOutputException("the rules kept firing (" + fired + " times): two rules undo each other; last fired: "
                        + lastOf(firedNames));
            }
            return collect(session, priority, firedNames, policy);
        } finally {
            session.dispose();
        }
    }

    /**
     * The buckets of the aging report, in order of days overdue, as the active policy defines them.
     * Refused when they leave a day out or count one twice: a report would then lose or double money.
     */
    public List<AgingBucket> agingBuckets() {
        return checkedBuckets(agingBuckets(new ArrayList<>()));
    }

    /** The buckets as the rules inserted them, unchecked; the names of the rules that fired go to {@code fired}. */
    List<AgingBucket> agingBuckets(List<String> fired) {
        KieSession session = active.kieBase().newKieSession();
        List<AgingBucket> buckets = new ArrayList<>();
        try {
            session.insert(new ReportRequest("aging"));
            session.fireAllRules(recordingIn(fired), MAX_RULE_FIRINGS);
            for (Object o : session.getObjects()) {
                if (o instanceof AgingBucket b) {
                    buckets.add(new AgingBucket(b.getName(), b.getFromDay(), b.getToDay()));
                }
            }
        } finally {
            session.dispose();
        }
        return buckets;
    }

    /**
     * The external collection agencies that share a debt and the commission an agency keeps of what it
     * recovers, for the case's facts ({@code today} the day of the placement or of the payment).
     * Refused when two commission rows match one debt: an agency would be paid by one of them at random.
     */
    public AgencyTerms agencyTerms(CaseFacts facts) {
        KieSession session = policyFor(facts).kieBase().newKieSession();
        List<String> fired = new ArrayList<>();
        List<AgencyShare> shares = new ArrayList<>();
        java.math.BigDecimal commission = null;
        try {
            session.insert(facts);
            session.insert(new PriorityScore());
            session.fireAllRules(recordingIn(fired), MAX_RULE_FIRINGS);
            for (Object o : session.getObjects()) {
                if (o instanceof AgencyShare s) {
                    shares.add(new AgencyShare(s.getAgency(), s.getShare()));
                } else if (o instanceof AgencyCommission c) {
                    if (commission != null && commission.compareTo(c.getRate()) != 0) {
                        throw new PolicyOutputException("two rows of the agency commission matched one debt: " + commission + " and "
                                + c.getRate());
                    }
                    commission = c.getRate();
                }
            }
        } finally {
            session.dispose();
        }
        return new AgencyTerms(List.copyOf(shares), commission, List.copyOf(fired));
    }

    /**
     * The periods of the day a debtor may choose on their page or a backend may send, as the active
     * policy's table "Preferred times of day" lists them, earliest first; empty when it has none.
     */
    public List<PreferredTime> preferredTimes() {
        KieSession session = active.kieBase().newKieSession();
        List<PreferredTime> periods = new ArrayList<>();
        try {
            // the table's rows have no condition: they are inserted with no fact at all
            session.fireAllRules(MAX_RULE_FIRINGS);
            for (Object o : session.getObjects()) {
                if (o instanceof PreferredTime p) {
                    periods.add(p);
                }
            }
        } finally {
            session.dispose();
        }
        periods.sort(Comparator.comparing(PreferredTime::getFrom, Comparator.nullsLast(Comparator.naturalOrder())));
        return periods;
    }

    static List<AgingBucket> checkedBuckets(List<AgingBucket> buckets) {
        if (buckets.isEmpty()) {
            throw new PolicyOutputException("the policy defines no aging buckets (a table of AgingBucket rows, as in aging.drl.csv)");
        }
        // no lower limit sorts first
        buckets.sort(Comparator.comparing(AgingBucket::getFromDay, Comparator.nullsFirst(Comparator.naturalOrder())));
        AgingBucket first = buckets.get(0);
        AgingBucket last = buckets.get(buckets.size() - 1);
        if (first.getFromDay() != null) {
            throw new PolicyOutputException("aging bucket " + first.getName() + " starts at day " + first.getFromDay()
                    + ": no bucket holds the days before it (leave the first bucket's lower limit empty)");
        }
        if (last.getToDay() != null) {
            throw new PolicyOutputException("aging bucket " + last.getName() + " ends at day " + last.getToDay()
                    + ": no bucket holds the days after it (leave the last bucket's upper limit empty)");
        }
        for (int i = 0; i < buckets.size(); i++) {
            AgingBucket b = buckets.get(i);
            if (b.getFromDay() != null && b.getToDay() != null && b.getFromDay() > b.getToDay()) {
                throw new PolicyOutputException("aging bucket " + b.getName() + " goes from day " + b.getFromDay() + " to day " + b.getToDay());
            }
            if (i > 0) {
                AgingBucket before = buckets.get(i - 1);
                if (before.getToDay() == null || b.getFromDay() == null || b.getFromDay() != before.getToDay() + 1) {
                    throw new PolicyOutputException("aging buckets " + before.getName() + " and " + b.getName()
                            + (before.getToDay() == null || b.getFromDay() == null || b.getFromDay() <= before.getToDay() ? " overlap" : " leave a gap between them")
                            + ": each day overdue must fall in exactly one bucket");
                }
            }
        }
        return List.copyOf(buckets);
    }

    /**
     * Lets every rule fire and writes down its name, as the engine asks before each firing. An event
     * listener would do the same, but with one registered Drools makes an event of every match made,
     * fired or cancelled: about 5% of a decision.
     */
    private static AgendaFilter recordingIn(List<String> fired) {
        return match -> fired.add(match.getRule().getName());
    }

    private static List<String> lastOf(List<String> names) {
        return names.subList(Math.max(0, names.size() - 4), names.size());
    }

    private static PolicyDecision collect(KieSession session, PriorityScore priority, List<String> fired, CompiledPolicy policy) {
        Segment segment = null;
        Integer grace = null;
        ChargeRates rates = null;
        OfferTerms offer = null;
        PromiseTerms promise = null;
        List<PlannedStep> plan = new ArrayList<>();
        List<ContactWindow> windows = new ArrayList<>();
        List<Channel> channels = new ArrayList<>();
        Integer perWeek = null;
        List<FallbackChannel> fallbacks = new ArrayList<>();
        List<RequiredNotice> required = new ArrayList<>();
        Integer linkDays = null;
        List<Channel> noticeChannels = new ArrayList<>();
        java.util.TreeSet<String> callGroups = new java.util.TreeSet<>();
        ExtensionTerms extension = null;
        PunctualityDiscount punctuality = null;
        for (Object o : session.getObjects()) {
            if (o instanceof InSegment s) {
                if (segment != null && segment != s.getSegment()) {
                    throw new PolicyOutputException("segmentation put the debtor in two segments: " + segment + " and " + s.getSegment());
                }
                segment = s.getSegment();
            } else if (o instanceof GracePeriod g) {
                grace = grace == null ? g.getDays() : Math.max(grace, g.getDays());
            } else if (o instanceof PlannedStep p) {
                plan.add(new PlannedStep(p.getStage(), p.getDay()));
            } else if (o instanceof ChargeRates r) {
                rates = r;
            } else if (o instanceof ContactWindow w) {
                windows.add(w);
            } else if (o instanceof ContactChannel c && !channels.contains(c.getChannel())) {
                channels.add(c.getChannel());
            } else if (o instanceof OfferTerms t) {
                offer = t;
            } else if (o instanceof PromiseTerms t) {
                if (promise != null) {
                    throw new PolicyOutputException("two rows of the promise terms matched one debtor: " + promise + " and " + t);
                }
                promise = t;
            } else if (o instanceof ContactLimit l) {
                perWeek = perWeek == null ? l.getPerWeek() : Math.min(perWeek, l.getPerWeek());
            } else if (o instanceof FallbackChannel f) {
                fallbacks.add(f);
            } else if (o instanceof RequiredNotice n) {
                required.add(n);
            } else if (o instanceof NoticeChannel n && !noticeChannels.contains(n.getChannel())) {
                noticeChannels.add(n.getChannel());
            } else if (o instanceof CallGroup g && !g.getGroup().isEmpty()) {
                callGroups.add(g.getGroup());
            } else if (o instanceof PortalLink l) {
                linkDays = linkDays == null ? l.getValidDays() : Math.min(linkDays, l.getValidDays());
            } else if (o instanceof ExtensionTerms t) {
                if (extension != null) {
                    throw new PolicyOutputException("two rows of the extension terms matched one debtor: " + extension + " and " + t);
                }
                extension = t;
            } else if (o instanceof PunctualityDiscount p) {
                if (punctuality != null) {
                    throw new PolicyOutputException("two rows of the punctuality discount matched one debtor: " + punctuality + " and " + p);
                }
                punctuality = p;
            }
        }
        if (segment == null) {
            throw new PolicyOutputException("the policy put the debtor in no segment");
        }
        if (rates == null) {
            throw new PolicyOutputException("the policy set no late charge rates");
        }
        // by day, then key, for a record that reads the same each time; the schedule orders by the stages' places
        plan.sort(Comparator.comparingInt(PlannedStep::getDay).thenComparing(PlannedStep::getStage));
        channels.sort(null);
        noticeChannels.sort(null);
        // rules insert windows in whatever order they fire: the decision lists them Monday first
        windows.sort(Comparator.comparing(ContactWindow::getDayOfWeek).thenComparing(ContactWindow::getFrom));
        return new PolicyDecision(segment, grace == null ? 0 : grace, List.copyOf(plan), rates, List.copyOf(windows),
                List.copyOf(channels), offer == null ? new OfferTerms() : offer, priority.getPoints(), List.copyOf(fired), policy.version(),
                policy.number(), perWeek, List.copyOf(fallbacks), List.copyOf(required), promise == null ? new PromiseTerms() : promise,
                linkDays, List.copyOf(noticeChannels), List.copyOf(callGroups), extension == null ? new ExtensionTerms() : extension,
                punctuality == null ? new PunctualityDiscount() : punctuality);
    }
}
