package br.com.regua.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import br.com.regua.contact.ContactService;
import br.com.regua.events.BusinessEvent;
import br.com.regua.events.EventType;
import br.com.regua.policy.CaseFacts;
import br.com.regua.policy.DecisionRecorder;
import br.com.regua.policy.PolicyDecision;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.policy.Segment;
import br.com.regua.policy.Stage;
import br.com.regua.receivable.Charges;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.receivable.ReceivableStatus;
import br.com.regua.schedule.NextStepPlanner.ScheduledStep;

/**
 * What the BPMN calls at each stage: build the facts, let the policy decide, carry the stage out,
 * record the decision and tell the process which stage comes next and when. Runs in the engine's
 * transaction: the step, its messages and its next timer commit together or not at all.
 */
@Service
public class ScheduleService {

    private final ReceivableRepository receivables;
    private final PolicyEngine policy;
    private final CaseSnapshots snapshots;
    private final DecisionRecorder decisions;
    private final CaseEvents events;
    private final ContactService contacts;
    private final ApplicationEventPublisher published;
    private final Clock clock;

    public ScheduleService(ReceivableRepository receivables, PolicyEngine policy, CaseSnapshots snapshots,
                           DecisionRecorder decisions, CaseEvents events, ContactService contacts,
                           ApplicationEventPublisher published, Clock clock) {
        this.receivables = receivables;
        this.policy = policy;
        this.snapshots = snapshots;
        this.decisions = decisions;
        this.events = events;
        this.contacts = contacts;
        this.published = published;
        this.clock = clock;
    }

    /**
     * The process variables after a decision: whether the stage asked for was carried out, the next
     * stage ({@code NONE} when nothing more is planned) and when.
     */
    public record NextStep(boolean carriedOut, String stage, Date at, Segment segment, int priority) {
    }

    @Transactional
    public NextStep classify(long receivableId) {
        Moment m = decideNow(receivableId);
        Receivable r = m.receivable();
        Optional<ScheduledStep> next = m.nextAfter(r.stage(), r.lastStepDay());
        decisions.record(r.id(), "CLASSIFICATION", m.facts(), m.decision(), nextOutputs(next), m.at());
        events.stageReached(r.id(), Stage.REGISTERED, "classified as " + m.decision().segment(), m.at());
        saveSchedule(m, r.stage(), r.lastStepDay(), next, r.bureauNoticeDay());
        return nextStep(true, next, m.decision());
    }

    /**
     * Carries out {@code stage} if the policy, asked again now, still has it as the step that is due;
     * otherwise (a partial payment, a new history, a moved date) it only re-plans.
     */
    @Transactional
    public NextStep executeStep(long receivableId, Stage stage) {
        Moment m = decideNow(receivableId);
        Receivable r = m.receivable();
        Optional<ScheduledStep> due = m.nextAfter(r.stage(), r.lastStepDay());
        if (due.isEmpty() || due.get().stage() != stage || due.get().at().isAfter(m.now())) {
            Map<String, Object> outputs = nextOutputs(due);
            outputs.put("notCarriedOut", stage);
            decisions.record(r.id(), "RESCHEDULE", m.facts(), m.decision(), outputs, m.at());
            saveSchedule(m, r.stage(), r.lastStepDay(), due, r.bureauNoticeDay());
            return nextStep(false, due, m.decision());
        }
        ScheduledStep step = due.get();
        carryOut(m, step);
        Integer bureauNoticeDay = stage == Stage.BUREAU_PRIOR_NOTICE ? Integer.valueOf(m.facts().getDaysOverdue()) : r.bureauNoticeDay();
        Map<Stage, LocalDate> reachedNow = new EnumMap<>(Stage.class);
        reachedNow.putAll(m.reached());
        reachedNow.putIfAbsent(stage, m.now().toLocalDate());
        Optional<ScheduledStep> following = stage.isFinal() ? Optional.empty()
                : NextStepPlanner.next(m.decision(), stage, step.day(), r.dueDate(), r.pausedDays(), m.now(), reachedNow);
        Map<String, Object> outputs = nextOutputs(following);
        outputs.put("step", stage + "@" + step.day());
        decisions.record(r.id(), "STEP " + stage, m.facts(), m.decision(), outputs, m.at());
        saveSchedule(m, stage, step.day(), following, bureauNoticeDay);
        return nextStep(true, following, m.decision());
    }

    /** The balance is paid: thank the customer and close the schedule. */
    @Transactional
    public void thank(long receivableId) {
        Moment m = decideNow(receivableId);
        Receivable r = m.receivable();
        contacts.record(new ContactService.Request(r, m.customer(), Stage.PAID, Stage.PAID.name(), m.decision().channels(),
                m.charges(), m.decision().offerTerms(), null, m.decision().segment()), m.at());
        events.stageReached(r.id(), Stage.PAID, "balance paid", m.at());
        saveSchedule(m, Stage.PAID, r.lastStepDay(), Optional.empty(), r.bureauNoticeDay());
    }

    /** A case locked for this transaction, with the policy's decision on its facts of now. */
    private record Moment(Receivable receivable, Customer customer, ZonedDateTime now, CaseFacts facts, PolicyDecision decision,
                          Map<Stage, LocalDate> reached) {

        OffsetDateTime at() {
            return now.toOffsetDateTime();
        }

        Optional<ScheduledStep> nextAfter(Stage stage, Integer day) {
            return NextStepPlanner.next(decision, stage, day, receivable.dueDate(), receivable.pausedDays(), now, reached);
        }

        Charges charges() {
            return receivable.ledger().chargesAsOf(now.toLocalDate(), decision.chargeRates());
        }
    }

    private void saveSchedule(Moment m, Stage stage, Integer lastStepDay, Optional<ScheduledStep> next, Integer bureauNoticeDay) {
        receivables.updateSchedule(m.receivable().id(), stage, lastStepDay, m.decision().segment(), stage == Stage.PAID ? null : stageName(next),
                at(next), bureauNoticeDay, m.at());
    }

    private Moment decideNow(long receivableId) {
        Receivable r = receivables.lock(receivableId);
        Customer c = receivables.customer(r.customerId());
        ZonedDateTime now = ZonedDateTime.now(clock);
        CaseFacts facts = snapshots.of(r, c, now.toLocalDate());
        return new Moment(r, c, now, facts, policy.evaluate(facts), reached(r.id(), now));
    }

    /** The day each stage was first reached, from the case's timeline: what notices the debtor already had. */
    private Map<Stage, LocalDate> reached(long receivableId, ZonedDateTime now) {
        Map<Stage, LocalDate> reached = new EnumMap<>(Stage.class);
        events.firstReached(receivableId).forEach((stage, at) -> reached.put(stage, at.atZoneSameInstant(now.getZone()).toLocalDate()));
        return reached;
    }

    private void carryOut(Moment m, ScheduledStep step) {
        Receivable r = m.receivable();
        if (step.stage() == Stage.WRITE_OFF) {
            receivables.updateStatus(r.id(), ReceivableStatus.WRITTEN_OFF, m.at());
        }
        if (contacts.speaksAt(step.stage())) {
            LocalDate reportDate = m.decision().dayOf(Stage.BUREAU_REPORT)
                    .map(day -> r.dueDate().plusDays((long) day + r.pausedDays())).orElse(null);
            contacts.record(new ContactService.Request(r, m.customer(), step.stage(), step.stage() + "@" + step.day(),
                    m.decision().channels(), m.charges(), m.decision().offerTerms(), reportDate, m.decision().segment()), m.at());
        }
        events.stageReached(r.id(), step.stage(), "day " + step.day() + " of the schedule", m.at());
        published.publishEvent(BusinessEvent.of(EventType.STAGE_REACHED, r.externalId(), m.at(),
                "stage", step.stage().name(), "day", step.day()));
    }

    private static Map<String, Object> nextOutputs(Optional<ScheduledStep> next) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nextStage", stageName(next));
        out.put("nextStepAt", next.map(s -> s.at().toOffsetDateTime().toString()).orElse(null));
        return out;
    }

    private static String stageName(Optional<ScheduledStep> next) {
        return next.map(s -> s.stage().name()).orElse(CollectionProcess.NO_MORE_STEPS);
    }

    private static OffsetDateTime at(Optional<ScheduledStep> next) {
        return next.map(s -> s.at().toOffsetDateTime()).orElse(null);
    }

    private static NextStep nextStep(boolean carriedOut, Optional<ScheduledStep> next, PolicyDecision d) {
        return new NextStep(carriedOut, stageName(next), next.map(s -> Date.from(s.at().toInstant())).orElse(null), d.segment(), d.priority());
    }
}
