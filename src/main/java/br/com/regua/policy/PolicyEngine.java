package br.com.regua.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

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
        CompiledPolicy policy = active;
        KieSession session = policy.kieBase().newKieSession();
        List<String> firedNames = new ArrayList<>();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    firedNames.add(event.getMatch().getRule().getName());
                }
            });
            PriorityScore priority = new PriorityScore();
            session.insert(facts);
            session.insert(priority);
            int fired = session.fireAllRules(MAX_RULE_FIRINGS);
            if (fired >= MAX_RULE_FIRINGS) {
                throw new PolicyOutputException("the rules kept firing (" + fired + " times): two rules undo each other; last fired: "
                        + lastOf(firedNames));
            }
            return collect(session, priority, firedNames, policy);
        } finally {
            session.dispose();
        }
    }

    private static List<String> lastOf(List<String> names) {
        return names.subList(Math.max(0, names.size() - 4), names.size());
    }

    private static PolicyDecision collect(KieSession session, PriorityScore priority, List<String> fired, CompiledPolicy policy) {
        Segment segment = null;
        Integer grace = null;
        ChargeRates rates = null;
        OfferTerms offer = null;
        List<PlannedStep> plan = new ArrayList<>();
        List<ContactWindow> windows = new ArrayList<>();
        List<Channel> channels = new ArrayList<>();
        Integer perWeek = null;
        List<FallbackChannel> fallbacks = new ArrayList<>();
        List<RequiredNotice> required = new ArrayList<>();
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
            } else if (o instanceof ContactLimit l) {
                perWeek = perWeek == null ? l.getPerWeek() : Math.min(perWeek, l.getPerWeek());
            } else if (o instanceof FallbackChannel f) {
                fallbacks.add(f);
            } else if (o instanceof RequiredNotice n) {
                required.add(n);
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
        // rules insert windows in whatever order they fire: the decision lists them Monday first
        windows.sort(Comparator.comparing(ContactWindow::getDayOfWeek).thenComparing(ContactWindow::getFrom));
        return new PolicyDecision(segment, grace == null ? 0 : grace, List.copyOf(plan), rates, List.copyOf(windows),
                List.copyOf(channels), offer == null ? new OfferTerms() : offer, priority.getPoints(), List.copyOf(fired), policy.version(),
                policy.number(), perWeek, List.copyOf(fallbacks), List.copyOf(required));
    }
}
