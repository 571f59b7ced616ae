package br.com.regua.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import br.com.regua.contact.ContactService;
import br.com.regua.policy.CaseFacts;
import br.com.regua.policy.DecisionRecorder;
import br.com.regua.policy.PolicyDecision;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.policy.Segment;
import br.com.regua.policy.Stage;
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
    private final Clock clock;

    public ScheduleService(ReceivableRepository receivables, PolicyEngine policy, CaseSnapshots snapshots,
                           DecisionRecorder decisions, CaseEvents events, ContactService contacts, Clock clock) {
        this.receivables = receivables;
        this.policy = policy;
        this.snapshots = snapshots;
        this.decisions = decisions;
        this.events = events;
        this.contacts = contacts;
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
        Receivable r = receivables.lock(receivableId);
        Customer c = receivables.customer(r.customerId());
        ZonedDateTime now = ZonedDateTime.now(clock);
        CaseFacts facts = snapshots.of(r, c, now.toLocalDate());
        PolicyDecision d = policy.evaluate(facts);
        Optional<ScheduledStep> next = NextStepPlanner.next(d, r.stage(), r.lastStepDay(), r.dueDate(), r.pausedDays(), now);
        decisions.record(r.id(), "CLASSIFICATION", facts, d, nextOutputs(next), now.toOffsetDateTime());
        events.stageReached(r.id(), Stage.REGISTERED, "classified as " + d.segment(), now.toOffsetDateTime());
        receivables.updateSchedule(r.id(), r.stage(), r.lastStepDay(), d.segment(), stageName(next), at(next),
                r.bureauNoticeDay(), now.toOffsetDateTime());
        return nextStep(true, next, d);
    }

    /**
     * Carries out {@code stage} if the policy, asked again now, still has it as the step that is due;
     * otherwise (a partial payment, a new history, a moved date) it only re-plans.
     */
    @Transactional
    public NextStep executeStep(long receivableId, Stage stage) {
        Receivable r = receivables.lock(receivableId);
        Customer c = receivables.customer(r.customerId());
        ZonedDateTime now = ZonedDateTime.now(clock);
        CaseFacts facts = snapshots.of(r, c, now.toLocalDate());
        PolicyDecision d = policy.evaluate(facts);
        Optional<ScheduledStep> due = NextStepPlanner.next(d, r.stage(), r.lastStepDay(), r.dueDate(), r.pausedDays(), now);
        if (due.isEmpty() || due.get().stage() != stage || due.get().at().isAfter(now)) {
            Map<String, Object> outputs = nextOutputs(due);
            outputs.put("notCarriedOut", stage);
            decisions.record(r.id(), "RESCHEDULE", facts, d, outputs, now.toOffsetDateTime());
            receivables.updateSchedule(r.id(), r.stage(), r.lastStepDay(), d.segment(), stageName(due), at(due),
                    r.bureauNoticeDay(), now.toOffsetDateTime());
            return nextStep(false, due, d);
        }
        ScheduledStep step = due.get();
        carryOut(r, c, d, step, now);
        Integer bureauNoticeDay = stage == Stage.BUREAU_PRIOR_NOTICE ? Integer.valueOf(facts.getDaysOverdue()) : r.bureauNoticeDay();
        Optional<ScheduledStep> following = stage.isFinal() ? Optional.empty()
                : NextStepPlanner.next(d, stage, step.day(), r.dueDate(), r.pausedDays(), now);
        Map<String, Object> outputs = nextOutputs(following);
        outputs.put("step", stage + "@" + step.day());
        decisions.record(r.id(), "STEP " + stage, facts, d, outputs, now.toOffsetDateTime());
        receivables.updateSchedule(r.id(), stage, step.day(), d.segment(), stageName(following), at(following),
                bureauNoticeDay, now.toOffsetDateTime());
        return nextStep(true, following, d);
    }

    /** The balance is paid: thank the customer and close the schedule. */
    @Transactional
    public void thank(long receivableId) {
        Receivable r = receivables.lock(receivableId);
        Customer c = receivables.customer(r.customerId());
        ZonedDateTime now = ZonedDateTime.now(clock);
        CaseFacts facts = snapshots.of(r, c, now.toLocalDate());
        PolicyDecision d = policy.evaluate(facts);
        contacts.record(new ContactService.Request(r, c, Stage.PAID, Stage.PAID.name(), d.channels(),
                r.ledger().chargesAsOf(now.toLocalDate(), d.chargeRates()), d.offerTerms(), null), now.toOffsetDateTime());
        events.stageReached(r.id(), Stage.PAID, "balance paid", now.toOffsetDateTime());
        receivables.updateSchedule(r.id(), Stage.PAID, r.lastStepDay(), r.segment(), null, null, r.bureauNoticeDay(),
                now.toOffsetDateTime());
    }

    private void carryOut(Receivable r, Customer c, PolicyDecision d, ScheduledStep step, ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        if (step.stage() == Stage.WRITE_OFF) {
            receivables.updateStatus(r.id(), ReceivableStatus.WRITTEN_OFF, now.toOffsetDateTime());
        }
        if (contacts.speaksAt(step.stage())) {
            LocalDate reportDate = d.dayOf(Stage.BUREAU_REPORT)
                    .map(day -> r.dueDate().plusDays((long) day + r.pausedDays())).orElse(null);
            contacts.record(new ContactService.Request(r, c, step.stage(), step.stage() + "@" + step.day(), d.channels(),
                    r.ledger().chargesAsOf(today, d.chargeRates()), d.offerTerms(), reportDate), now.toOffsetDateTime());
        }
        events.stageReached(r.id(), step.stage(), "day " + step.day() + " of the schedule", now.toOffsetDateTime());
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
