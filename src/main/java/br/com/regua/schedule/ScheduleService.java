package br.com.regua.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import br.com.regua.cases.CollectionProcess;
import br.com.regua.cases.CaseEvents;
import br.com.regua.cases.CollectionCases;
import br.com.regua.cases.CollectionStages;
import br.com.regua.contact.ContactService;
import br.com.regua.events.BusinessEvent;
import br.com.regua.experiment.ExperimentService;
import br.com.regua.events.EventType;
import br.com.regua.policy.CaseFacts;
import br.com.regua.policy.DecisionRecorder;
import br.com.regua.policy.PolicyDecision;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.policy.Segment;
import br.com.regua.policy.RequiredNotice;
import br.com.regua.policy.StageCatalog;
import br.com.regua.policy.StageCatalog.StageInfo;
import br.com.regua.policy.StageKeys;
import br.com.regua.receivable.Charges;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.ReadAlong;
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
    private final CollectionStages stages;
    private final CollectionCases cases;
    private final ApplicationEventPublisher published;
    private final Clock clock;
    private final ExperimentService experiments;
    /** The facts' values and the timeline's stages, read with the receivable a decision locks. */
    private final List<ReadAlong<?>> readAlong;

    public ScheduleService(ReceivableRepository receivables, PolicyEngine policy, CaseSnapshots snapshots,
                           DecisionRecorder decisions, CaseEvents events, ContactService contacts, CollectionStages stages,
                           CollectionCases cases, ApplicationEventPublisher published, Clock clock, ExperimentService experiments) {
        this.receivables = receivables;
        this.policy = policy;
        this.snapshots = snapshots;
        this.decisions = decisions;
        this.events = events;
        this.contacts = contacts;
        this.stages = stages;
        this.cases = cases;
        this.published = published;
        this.clock = clock;
        this.experiments = experiments;
        List<ReadAlong<?>> along = new ArrayList<>(snapshots.readAlong());
        along.add(CaseEvents.STAGES_ALONG);
        along.add(CaseEvents.TIMES_ALONG);
        this.readAlong = List.copyOf(along);
    }

    /**
     * The process variables after a decision: whether the stage asked for was carried out, the next
     * stage ({@code NONE} when nothing more is planned) and when.
     */
    public record NextStep(boolean carriedOut, String stage, Date at, Segment segment, int priority, List<String> callGroups) {
    }

    /**
     * Classifies a new case and plans its first step among the stages of {@code processDefinitionId},
     * the version of the process the case runs on; the receivable's case id becomes {@code caseId}
     * if it has none yet (a case being registered).
     */
    @Transactional
    public NextStep classify(long receivableId, String processDefinitionId, String caseId) {
        Moment m = decideNow(receivableId, processDefinitionId);
        String drawn = "";
        if (m.receivable().policyVersion() == null) {
            // an experiment running now may take the case: then its arm's version decides it, from this first decision on
            Optional<ExperimentService.Draw> draw = experiments.draw(receivableId, m.decision().segment());
            if (draw.isPresent()) {
                drawn = "; drawn to the " + draw.get().arm().name().toLowerCase(java.util.Locale.ROOT) + " of experiment "
                        + draw.get().experiment().id() + ", decided by policy version " + draw.get().version();
                m = decideNow(receivableId, processDefinitionId);
            }
        }
        Receivable r = m.receivable();
        Optional<ScheduledStep> next = m.nextAfter(r.stage(), r.lastStepDay());
        decisions.record(r.id(), "CLASSIFICATION", m.facts(), m.decision(), nextOutputs(next), m.at());
        events.stageReached(r.id(), StageKeys.REGISTERED, "classified as " + m.decision().segment() + drawn, m.at());
        // with the first position, in the same update: an intake writes each new receivable's row once more, not twice
        saveSchedule(m, caseId, r.stage(), r.lastStepDay(), next, r.reachedDays());
        return nextStep(true, next, m.decision());
    }

    /**
     * Carries out {@code stage} if the policy, asked again now, still has it as the step that is due;
     * otherwise (a partial payment, a new history, a moved date) it only re-plans. The next step is
     * one of the stages of {@code processDefinitionId}, the version of the process the case runs on: a
     * case that stayed on an earlier version keeps that version's schedule, without a stage added since.
     */
    @Transactional
    public NextStep executeStep(long receivableId, StageInfo stage, String processDefinitionId) {
        Moment m = decideNow(receivableId, processDefinitionId);
        Receivable r = m.receivable();
        Optional<ScheduledStep> due = m.nextAfter(r.stage(), r.lastStepDay());
        if (due.isEmpty() || !due.get().stage().equals(stage.key()) || due.get().at().isAfter(m.now())) {
            Map<String, Object> outputs = nextOutputs(due);
            outputs.put("notCarriedOut", stage.key());
            decisions.record(r.id(), "RESCHEDULE", m.facts(), m.decision(), outputs, m.at());
            saveSchedule(m, r.stage(), r.lastStepDay(), due, r.reachedDays());
            return nextStep(false, due, m.decision());
        }
        ScheduledStep step = due.get();
        carryOut(m, stage, step);
        Map<String, Integer> reachedDays = new LinkedHashMap<>(r.reachedDays());
        reachedDays.putIfAbsent(stage.key(), m.facts().getDaysOverdue());
        Map<String, LocalDate> reachedNow = new LinkedHashMap<>(m.reached());
        reachedNow.putIfAbsent(stage.key(), m.now().toLocalDate());
        Optional<ScheduledStep> following = stage.last() ? Optional.empty()
                : m.held(NextStepPlanner.next(m.decision(), m.stages(), stage.key(), step.day(), r.dueDate(), r.pausedDays(), m.now(),
                        reachedNow));
        Map<String, Object> outputs = nextOutputs(following);
        outputs.put("step", stage.key() + "@" + step.day());
        decisions.record(r.id(), "STEP " + stage.key(), m.facts(), m.decision(), outputs, m.at());
        saveSchedule(m, stage.key(), step.day(), following, reachedDays);
        return nextStep(true, following, m.decision());
    }

    /** The balance is paid: thank the customer and close the schedule. */
    @Transactional
    public void thank(long receivableId) {
        Moment m = decideNow(receivableId, stages);
        Receivable r = m.receivable();
        contacts.record(new ContactService.Request(r, m.customer(), StageKeys.PAID, StageKeys.PAID, m.decision().channels(),
                m.charges(), m.decision().offerTerms(), null, m.decision().segment()), m.at());
        events.stageReached(r.id(), StageKeys.PAID, "balance paid", m.at());
        saveSchedule(m, StageKeys.PAID, r.lastStepDay(), Optional.empty(), r.reachedDays());
    }

    /** A case locked for this transaction, with the policy's decision on its facts of now. */
    private record Moment(Receivable receivable, Customer customer, ZonedDateTime now, CaseFacts facts, PolicyDecision decision,
                          Map<String, LocalDate> reached, StageCatalog stages) {

        OffsetDateTime at() {
            return now.toOffsetDateTime();
        }

        Optional<ScheduledStep> nextAfter(String stage, Integer day) {
            return held(NextStepPlanner.next(decision, stages, stage, day, receivable.dueDate(), receivable.pausedDays(), now, reached));
        }

        /**
         * The step, or, when it falls before the end of a hold (a promise to pay is open), the same
         * step at that end, within contact hours: the case asks the policy again then, on that day's facts.
         */
        Optional<ScheduledStep> held(Optional<ScheduledStep> step) {
            if (step.isEmpty() || receivable.heldUntil() == null) {
                return step;
            }
            ZonedDateTime until = receivable.heldUntil().atZoneSameInstant(now.getZone());
            ScheduledStep s = step.get();
            return s.at().isBefore(until)
                    ? Optional.of(new ScheduledStep(s.stage(), s.day(), ContactHours.nextAllowed(until, decision.contactWindows())))
                    : step;
        }

        Charges charges() {
            return receivable.ledger().chargesAsOf(now.toLocalDate(), decision.chargeRates());
        }
    }

    private void saveSchedule(Moment m, String stage, Integer lastStepDay, Optional<ScheduledStep> next,
                              Map<String, Integer> reachedDays) {
        saveSchedule(m, null, stage, lastStepDay, next, reachedDays);
    }

    private void saveSchedule(Moment m, String caseId, String stage, Integer lastStepDay, Optional<ScheduledStep> next,
                              Map<String, Integer> reachedDays) {
        cases.advance(m.receivable(), caseId, stage, lastStepDay, m.decision().segment(),
                StageKeys.PAID.equals(stage) ? null : stageName(next), at(next), reachedDays, m.at());
    }

    private Moment decideNow(long receivableId, String processDefinitionId) {
        return decideNow(receivableId, () -> stages.ofDefinition(processDefinitionId));
    }

    private Moment decideNow(long receivableId, StageCatalog version) {
        ReceivableRepository.WithCustomer locked = receivables.lockWithCustomer(receivableId, readAlong);
        Receivable r = locked.receivable();
        ZonedDateTime now = ZonedDateTime.now(clock);
        CaseFacts facts = snapshots.of(locked, now.toLocalDate());
        return new Moment(r, locked.customer(), now, facts, policy.evaluate(facts), reached(locked, now), version);
    }

    /** The day each stage was first reached, from the case's timeline: what notices the debtor already had. */
    private Map<String, LocalDate> reached(ReceivableRepository.WithCustomer locked, ZonedDateTime now) {
        Map<String, LocalDate> reached = new LinkedHashMap<>();
        Receivable r = locked.receivable();
        if (CaseSnapshots.beingRegistered(r)) {
            return reached;
        }
        events.firstReached(r.id(), locked.get(CaseEvents.STAGES_ALONG), locked.get(CaseEvents.TIMES_ALONG))
                .forEach((stage, at) -> reached.put(stage, at.atZoneSameInstant(now.getZone()).toLocalDate()));
        return reached;
    }

    private void carryOut(Moment m, StageInfo stage, ScheduledStep step) {
        Receivable r = m.receivable();
        if (stage.status() != null) {
            cases.endWith(r, ReceivableStatus.valueOf(stage.status()), m.at());
        }
        if (stage.message()) {
            // a notice the law requires goes by the notices' channels, whatever the debtor prefers for reminders
            contacts.record(new ContactService.Request(r, m.customer(), stage.key(), stage.key() + "@" + step.day(),
                    m.decision().channelsFor(stage.key()), m.charges(), m.decision().offerTerms(), announced(m, stage.key()), m.decision().segment(),
                    m.decision().portalLinkDays(), m.decision().punctualityDiscount().getRate()), m.at());
        }
        events.stageReached(r.id(), stage.key(), "day " + step.day() + " of the schedule", m.at());
        published.publishEvent(BusinessEvent.of(EventType.STAGE_REACHED, r.externalId(), m.at(), "stage", stage.key(), "day", step.day()));
        if (stage.suspendsService()) {
            published.publishEvent(BusinessEvent.of(EventType.SERVICE_SUSPEND, r.externalId(), m.at(), "stage", stage.key()));
        }
    }

    /** The date of the step a notice is required for (the bureau report, for its prior notice), if the plan has one. */
    private static LocalDate announced(Moment m, String notice) {
        Receivable r = m.receivable();
        return m.decision().requiredNotices().stream().filter(n -> n.getNotice().equals(notice)).map(RequiredNotice::getStage)
                .flatMap(stage -> m.decision().dayOf(stage).stream())
                .min(Integer::compare)
                .map(day -> r.dueDate().plusDays((long) day + r.pausedDays())).orElse(null);
    }

    private static Map<String, Object> nextOutputs(Optional<ScheduledStep> next) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nextStage", stageName(next));
        out.put("nextStepAt", next.map(s -> s.at().toOffsetDateTime().toString()).orElse(null));
        return out;
    }

    private static String stageName(Optional<ScheduledStep> next) {
        return next.map(ScheduledStep::stage).orElse(CollectionProcess.NO_MORE_STEPS);
    }

    private static OffsetDateTime at(Optional<ScheduledStep> next) {
        return next.map(s -> s.at().toOffsetDateTime()).orElse(null);
    }

    private static NextStep nextStep(boolean carriedOut, Optional<ScheduledStep> next, PolicyDecision d) {
        return new NextStep(carriedOut, stageName(next), next.map(s -> Date.from(s.at().toInstant())).orElse(null), d.segment(), d.priority(),
                d.callGroups());
    }
}
