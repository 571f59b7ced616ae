package br.com.regua.promise;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import br.com.regua.cases.CaseEvents;
import br.com.regua.cases.CollectionCases;
import br.com.regua.errors.ConflictException;
import br.com.regua.errors.FieldProblem;
import br.com.regua.errors.InvalidInputException;
import br.com.regua.errors.NotFoundException;
import br.com.regua.errors.UnprocessableException;
import br.com.regua.events.BusinessEvent;
import br.com.regua.events.EventType;
import br.com.regua.logging.LogText;
import br.com.regua.payment.PaymentRecorded;
import br.com.regua.policy.CaseFacts;
import br.com.regua.policy.DecisionRecorder;
import br.com.regua.policy.PolicyDecision;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.policy.PromiseTerms;
import br.com.regua.receivable.Charges;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Money;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.receivable.ReceivableStatus;
import br.com.regua.schedule.CaseSnapshots;
import br.com.regua.schedule.ContactHours;
import br.com.regua.promise.PromiseRepository.Promise;

/**
 * Promises to pay: made within the limits the rules set, they hold the case's escalation until the
 * promised date plus the tolerance; kept as soon as the payments made since cover the promised
 * amount (less the tolerance in reais), broken when the tolerance ends without it. Either way the
 * customer's history counts it and a backend hears of it.
 */
@Service
public class PromiseService {

    private static final Logger log = LoggerFactory.getLogger(PromiseService.class);

    private final PromiseRepository promises;
    private final ReceivableRepository receivables;
    private final PolicyEngine policy;
    private final CaseSnapshots snapshots;
    private final CaseEvents events;
    private final CollectionCases cases;
    private final RuntimeService runtime;
    private final PromiseReminders reminders;
    private final DecisionRecorder decisions;
    private final ApplicationEventPublisher published;
    private final Clock clock;

    PromiseService(PromiseRepository promises, ReceivableRepository receivables, PolicyEngine policy, CaseSnapshots snapshots,
                   CaseEvents events, CollectionCases cases, RuntimeService runtime, PromiseReminders reminders,
                   DecisionRecorder decisions, ApplicationEventPublisher published, Clock clock) {
        this.decisions = decisions;
        this.promises = promises;
        this.receivables = receivables;
        this.policy = policy;
        this.snapshots = snapshots;
        this.events = events;
        this.cases = cases;
        this.runtime = runtime;
        this.reminders = reminders;
        this.published = published;
        this.clock = clock;
    }

    /** When the process reminds and when the tolerance ends, as process variables. */
    record Moments(Date reminderAt, Date toleranceEndsAt) {
    }

    /**
     * Records the debtor's promise to pay {@code amount} by {@code date}, as {@code by} heard it.
     * Refused, changing nothing, while the receivable is in an agreement, disputed or no longer
     * collected (409), and beyond what the rules allow for this debtor (422 naming the field).
     */
    @Transactional
    public PromiseView make(String externalId, BigDecimal amount, LocalDate date, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        if (amount == null) {
            problems.add(new FieldProblem("amount", "must be the amount the debtor promised to pay, in reais"));
        } else if (amount.signum() <= 0 || amount.scale() > 2) {
            problems.add(new FieldProblem("amount", "must be a positive amount in reais with at most 2 decimals"));
        }
        if (date == null) {
            problems.add(new FieldProblem("date", "must be the date the debtor promised to pay by (YYYY-MM-DD)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Receivable found = receivables.findByExternalId(externalId)
                .orElseThrow(() -> new NotFoundException("no receivable with external id " + externalId));
        Receivable r = receivables.lock(found.id());
        switch (r.status()) {
            case IN_AGREEMENT -> throw new ConflictException("externalId", "receivable " + r.externalId()
                    + " is in an agreement: its installments are what the debtor committed to, and no promise to pay is taken beside them");
            case DISPUTED -> throw new ConflictException("externalId", "receivable " + r.externalId()
                    + " is disputed: collection waits for the review, and no promise to pay is taken until the dispute is resolved");
            case PAID, WRITTEN_OFF, CANCELLED -> throw new ConflictException("externalId", "receivable " + r.externalId() + " is "
                    + r.status() + ": nothing is being collected");
            case OPEN -> { }
        }
        promises.openFor(r.id()).ifPresent(open -> {
            throw new ConflictException("externalId", "a promise to pay " + Money.round(open.amount()) + " by " + open.promisedOn()
                    + " is already open on receivable " + r.externalId() + " (promise " + open.id() + ")");
        });
        ZonedDateTime now = ZonedDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        Customer c = receivables.customer(r.customerId());
        CaseFacts facts = snapshots.of(r, c, today);
        PolicyDecision d = policy.evaluate(facts);
        PromiseTerms terms = d.promiseTerms();
        int made = promises.forReceivable(r.id()).size();
        if (made >= terms.getMaxPromises()) {
            throw new UnprocessableException("externalId", terms.getMaxPromises() == 0
                    ? "the policy takes no promise to pay from this debtor (" + d.segment() + ")"
                    : "the policy takes at most " + terms.getMaxPromises() + " promise(s) to pay per case from this debtor ("
                            + d.segment() + "), and this case has had " + made);
        }
        if (date.isBefore(today)) {
            throw new UnprocessableException("date", "must be today (" + today + ") or later: a promise is about a payment still to come");
        }
        LocalDate latest = today.plusDays(terms.getMaxDaysAhead());
        if (date.isAfter(latest)) {
            throw new UnprocessableException("date", "may be at most " + terms.getMaxDaysAhead() + " days ahead (until " + latest
                    + "), as the policy allows for this debtor (" + d.segment() + ")");
        }
        Charges owed = r.ledger().chargesAsOf(date, d.chargeRates());
        if (amount.compareTo(owed.total()) > 0) {
            throw new UnprocessableException("amount", "is more than is owed on " + date + ": " + owed.total() + " (principal "
                    + owed.principal() + ", fine " + owed.fine() + ", interest " + owed.interest() + ")");
        }
        OffsetDateTime at = now.toOffsetDateTime();
        Promise p = new Promise(UUID.randomUUID().toString(), r.id(), Money.round(amount), date, terms.getToleranceDays(),
                Money.round(terms.getToleranceAmount()), PromiseStatus.OPEN, d.policyVersion(), by, at, null);
        promises.insert(p);
        // the terms the promise was made under, with the rules that set them: "why this tolerance?"
        decisions.record(r.id(), "PROMISE", facts, d, new java.util.LinkedHashMap<>(Map.of("promise", p.id(),
                "maxPromises", terms.getMaxPromises(), "maxDaysAhead", terms.getMaxDaysAhead(),
                "toleranceDays", terms.getToleranceDays(), "toleranceAmount", p.toleranceAmount().toPlainString())), at);
        events.promise(r.id(), r.stage(), "promise " + p.id() + " made: " + p.amount() + " by " + date + " (tolerance "
                + p.toleranceDays() + " day(s) and " + p.toleranceAmount() + "); escalation held until the end of " + p.keptBy(), at);
        published.publishEvent(BusinessEvent.of(EventType.PROMISE_CREATED, r.externalId(), at, "promise", p.id(),
                "amount", p.amount().toPlainString(), "date", date.toString(), "keptBy", p.keptBy().toString()));
        Moments moments = moments(p, d, now);
        cases.holdForPromise(r, toleranceEnd(p), at);
        runtime.startProcessInstanceByKey(PromiseProcess.KEY, p.id(), Map.of(PromiseProcess.VAR_PROMISE_ID, p.id(),
                PromiseProcess.VAR_REMINDER_AT, moments.reminderAt(), PromiseProcess.VAR_TOLERANCE_ENDS_AT, moments.toleranceEndsAt()));
        log.info("Promise {} on {}: {} by {}", p.id(), LogText.of(r.externalId()), p.amount(), date);
        return view(p, r);
    }

    public List<PromiseView> forReceivable(String externalId) {
        Receivable r = receivables.findByExternalId(externalId)
                .orElseThrow(() -> new NotFoundException("no receivable with external id " + externalId));
        return promises.forReceivable(r.id()).stream().map(p -> view(p, r)).toList();
    }

    /**
     * The reminder of the day before the promised date, unless the promise is no longer open, the
     * payments already keep it, or it was made that late (the debtor has just said it).
     */
    @Transactional
    public void remind(String promiseId) {
        Promise p = promises.lock(promiseId).orElseThrow();
        Receivable r = receivables.get(p.receivableId());
        if (p.status() != PromiseStatus.OPEN || r.status() != ReceivableStatus.OPEN) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        LocalDate madeOn = p.madeAt().atZoneSameInstant(clock.getZone()).toLocalDate();
        if (!madeOn.isBefore(p.promisedOn().minusDays(1))) {
            return;
        }
        BigDecimal paid = paid(p);
        if (covers(p, paid, r)) {
            return;
        }
        Customer c = receivables.customer(r.customerId());
        PolicyDecision d = policy.evaluate(snapshots.of(r, c, now.toLocalDate()));
        reminders.remind(p, r, c, paid, r.ledger().chargesAsOf(p.promisedOn(), d.chargeRates()), d.channels(), now.toOffsetDateTime());
    }

    /** A payment on a receivable with an open promise: the promise is kept the moment the payments cover it. */
    @EventListener
    void paymentRecorded(PaymentRecorded payment) {
        promises.openFor(payment.receivableId()).ifPresent(open -> {
            Promise p = promises.lock(open.id()).orElseThrow();
            Receivable r = receivables.get(p.receivableId());
            BigDecimal paid = paid(p);
            if (p.status() == PromiseStatus.OPEN && covers(p, paid, r)) {
                keep(p, r, paid, OffsetDateTime.now(clock));
                runtime.createMessageCorrelation(PromiseProcess.MESSAGE_PROMISE_KEPT).processInstanceBusinessKey(p.id())
                        .correlateAllWithResult();
            }
        });
    }

    /**
     * The tolerance is over: kept if the payments cover the promise, broken if not. A receivable
     * that left collection meanwhile (an agreement, a dispute, a write-off) closes it as neither.
     */
    @Transactional
    public void close(String promiseId) {
        Promise p = promises.lock(promiseId).orElseThrow();
        if (p.status() != PromiseStatus.OPEN) {
            return;
        }
        Receivable r = receivables.lock(p.receivableId());
        OffsetDateTime at = OffsetDateTime.now(clock);
        BigDecimal paid = paid(p);
        if (covers(p, paid, r)) {
            keep(p, r, paid, at);
        } else if (r.status() != ReceivableStatus.OPEN) {
            promises.end(p.id(), PromiseStatus.CLOSED, at);
            events.promise(r.id(), r.stage(), "promise " + p.id() + " closed, neither kept nor broken: the receivable is " + r.status(), at);
            log.info("Promise {} closed: receivable {} is {}", p.id(), LogText.of(r.externalId()), r.status());
        } else {
            promises.end(p.id(), PromiseStatus.BROKEN, at);
            receivables.recordPromiseBroken(r.customerId());
            events.promise(r.id(), r.stage(), "promise " + p.id() + " broken: " + paid + " paid of " + p.amount() + " promised by "
                    + p.promisedOn() + " (tolerance until the end of " + p.keptBy() + "); the schedule resumes", at);
            published.publishEvent(BusinessEvent.of(EventType.PROMISE_BROKEN, r.externalId(), at, "promise", p.id(),
                    "amount", p.amount().toPlainString(), "paid", paid.toPlainString(), "date", p.promisedOn().toString()));
            log.info("Promise {} on {} broken: {} paid of {}", p.id(), LogText.of(r.externalId()), paid, p.amount());
        }
    }

    /**
     * The promise's process instance was deleted in the engine (Cockpit, {@code /engine-rest}), not
     * ended by its BPMN: nothing would judge the promise any more, so it is closed, neither kept nor
     * broken, and the timeline says who deleted it. Runs in the deleting transaction.
     */
    @Transactional
    public void deletedInEngine(String promiseId, String by, String reason) {
        var found = promises.lock(promiseId);
        if (found.isEmpty() || found.get().status() != PromiseStatus.OPEN) {
            return;
        }
        Promise p = found.get();
        Receivable r = receivables.get(p.receivableId());
        OffsetDateTime at = OffsetDateTime.now(clock);
        promises.end(p.id(), PromiseStatus.CLOSED, at);
        events.promise(r.id(), r.stage(), "promise " + p.id() + " closed, neither kept nor broken: its process was deleted in the engine by "
                + by + (reason == null ? "" : " (" + reason + ")"), at);
        log.warn("Promise {} closed: deleted in the engine by {} ({})", p.id(), by, reason == null ? "no reason given" : reason);
    }

    /** True while the promise is open, its receivable collected and its payments short of it: a reminder still has a point. */
    boolean open(String promiseId) {
        return promises.find(promiseId).filter(p -> p.status() == PromiseStatus.OPEN).map(p -> {
            Receivable r = receivables.get(p.receivableId());
            return r.status() == ReceivableStatus.OPEN && !covers(p, paid(p), r);
        }).orElse(false);
    }

    private void keep(Promise p, Receivable r, BigDecimal paid, OffsetDateTime at) {
        promises.end(p.id(), PromiseStatus.KEPT, at);
        receivables.recordPromiseKept(r.customerId());
        events.promise(r.id(), r.stage(), "promise " + p.id() + " kept: " + paid + " paid of " + p.amount() + " promised by "
                + p.promisedOn(), at);
        published.publishEvent(BusinessEvent.of(EventType.PROMISE_KEPT, r.externalId(), at, "promise", p.id(),
                "amount", p.amount().toPlainString(), "paid", paid.toPlainString(), "date", p.promisedOn().toString()));
        log.info("Promise {} on {} kept: {} paid of {}", p.id(), LogText.of(r.externalId()), paid, p.amount());
    }

    /** Paid from the promise on, until its tolerance ends: partial payments add up. */
    private BigDecimal paid(Promise p) {
        return promises.paidBetween(p.receivableId(), p.madeAt(), toleranceEnd(p));
    }

    /** The payments reach the promised amount less its tolerance, or paid off the whole debt. */
    private static boolean covers(Promise p, BigDecimal paid, Receivable r) {
        return paid.compareTo(p.enough()) >= 0 || (paid.signum() > 0 && r.ledger().isSettled());
    }

    /** The whole last day of the tolerance is the debtor's. */
    private OffsetDateTime toleranceEnd(Promise p) {
        return p.keptBy().plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
    }

    /** The reminder on the day before the promised date, within contact hours (not before now), and the end of the tolerance. */
    private Moments moments(Promise p, PolicyDecision d, ZonedDateTime now) {
        ZonedDateTime reminder = ContactHours.nextAllowed(p.promisedOn().minusDays(1).atStartOfDay(now.getZone()), d.contactWindows());
        if (reminder.isBefore(now)) {
            reminder = now;
        }
        return new Moments(Date.from(reminder.toInstant()), Date.from(toleranceEnd(p).toInstant()));
    }

    private PromiseView view(Promise p, Receivable r) {
        return new PromiseView(p.id(), r.externalId(), p.amount(), p.promisedOn(), p.toleranceDays(), p.toleranceAmount(), p.keptBy(),
                p.status(), paid(p), p.madeBy(), p.madeAt(), p.endedAt());
    }
}
