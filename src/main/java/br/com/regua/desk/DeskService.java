package br.com.regua.desk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import br.com.regua.agreement.AgreementService;
import br.com.regua.agreement.DisputeService;
import br.com.regua.cases.CaseEvents;
import br.com.regua.cases.CollectionProcess;
import br.com.regua.contact.ContactService;
import br.com.regua.contact.MessageValues;
import br.com.regua.errors.FieldProblem;
import br.com.regua.errors.ForbiddenException;
import br.com.regua.errors.InvalidInputException;
import br.com.regua.errors.NotFoundException;
import br.com.regua.errors.UnprocessableException;
import br.com.regua.logging.LogText;
import br.com.regua.payment.PaymentService;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.policy.StageCatalog;
import br.com.regua.promise.PromiseService;
import br.com.regua.promise.PromiseView;
import br.com.regua.receivable.Charges;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.schedule.CaseSnapshots;
import br.com.regua.settings.ReguaProperties;

/**
 * The collector desk: the view of a call task and the outcome of the call. A collector sees and works
 * the calls offered to one of their groups (as Tasklist shows them), or taken by them; admins any. Only
 * the collector who took the task records its outcome; a task nobody took is taken by the collector who
 * records it, as Tasklist's "Claim" would.
 */
@Service
public class DeskService {

    private static final Logger log = LoggerFactory.getLogger(DeskService.class);
    static final int MAX_NOTE = 1000;
    static final int LAST_MESSAGES = 5;
    private static final DateTimeFormatter CALL_BACK = DateTimeFormatter.ofPattern("dd/MM/yyyy 'às' HH:mm");

    private final TaskService tasks;
    private final ReceivableService receivables;
    private final ReceivableRepository repository;
    private final PolicyEngine policy;
    private final CaseSnapshots snapshots;
    private final PaymentService payments;
    private final PromiseService promises;
    private final AgreementService agreements;
    private final DisputeService disputes;
    private final ContactService contacts;
    private final CaseEvents events;
    private final CallOutcomes calls;
    private final CallScripts scripts;
    private final StageCatalog stages;
    private final ReguaProperties properties;
    private final Clock clock;

    DeskService(TaskService tasks, ReceivableService receivables, ReceivableRepository repository, PolicyEngine policy, CaseSnapshots snapshots, PaymentService payments,
                PromiseService promises, AgreementService agreements, DisputeService disputes, ContactService contacts, CaseEvents events,
                CallOutcomes calls, CallScripts scripts, StageCatalog stages, ReguaProperties properties, Clock clock) {
        this.tasks = tasks;
        this.receivables = receivables;
        this.repository = repository;
        this.policy = policy;
        this.snapshots = snapshots;
        this.payments = payments;
        this.promises = promises;
        this.agreements = agreements;
        this.disputes = disputes;
        this.contacts = contacts;
        this.events = events;
        this.calls = calls;
        this.scripts = scripts;
        this.stages = stages;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Who calls: the user, their groups (their roles and collector groups) and whether they are an admin.
     */
    public record Caller(String user, java.util.Set<String> groups, boolean admin) {
    }

    /** What the collector {@code caller} sees for the call task {@code taskId}. */
    @Transactional(readOnly = true)
    public DeskView view(String taskId, Caller caller) {
        String who = caller.user();
        Task task = callTask(taskId);
        offeredTo(task, caller);
        Receivable r = receivableOf(task);
        Customer c = receivables.customer(r.customerId());
        LocalDate today = LocalDate.now(clock);
        Charges charges = r.ledger().chargesAsOf(today, policy.evaluate(snapshots.of(r, c, today)).chargeRates());
        List<String> groups = candidateGroups(task);
        ZoneId zone = properties.timeZone();
        List<DeskView.MessageLine> messages = contacts.forReceivable(r.id()).stream()
                .sorted((a, b) -> b.createdAt().compareTo(a.createdAt())).limit(LAST_MESSAGES)
                .map(m -> new DeskView.MessageLine(m.createdAt(), m.kind().name(), m.stage(), m.channel().name(), m.status().name(), m.subject()))
                .toList();
        return new DeskView(
                new DeskView.Task(task.getId(), task.getName(), task.getAssignee(), task.getPriority(), groups,
                        task.getCreateTime() == null ? null : task.getCreateTime().toInstant().atZone(zone).toOffsetDateTime()),
                new DeskView.Debtor(c.externalId(), c.name(), c.type().name(), c.phone(), c.email(), c.state()),
                new DeskView.Debt(r.externalId(), r.description(), r.principal(), r.dueDate(),
                        (int) ChronoUnit.DAYS.between(r.dueDate(), today), r.status().name(), r.stage(), stages.nameOf(r.stage()),
                        r.segment() == null ? null : r.segment().name(), r.nextStepAt()),
                charges,
                payments.forReceivable(r.id()).stream()
                        .map(p -> new DeskView.PaymentLine(p.externalId(), p.amount(), p.method().name(), p.paidAt())).toList(),
                agreements.activeOf(c.id()),
                promises.forReceivable(r.externalId()),
                c.history(),
                messages,
                calls.forReceivable(r.id()).stream().map(DeskService::line).toList(),
                scripts.render(r.stage(), r.segment(), scriptValues(r, c, charges, who, today)),
                Arrays.stream(CallOutcome.values()).map(o -> new DeskView.Option(o.name(), o.words())).toList());
    }

    /**
     * Records how the call ended and completes the task: a promise is made as the promises API makes it,
     * a dispute is opened as the disputes API opens it, a call back waits in the process until its time.
     * Bad input changes nothing (400 naming the field); a task another collector took: 403.
     */
    @Transactional
    public DeskView.CallLine record(String taskId, Caller caller, NewCallOutcome request) {
        String who = caller.user();
        CallOutcome outcome = checked(request);
        Task task = callTask(taskId);
        if (task.getAssignee() != null && !task.getAssignee().equals(who)) {
            throw new ForbiddenException("call task " + taskId + " was taken by another collector: only they record how the call ended");
        }
        offeredTo(task, caller);
        Receivable r = receivableOf(task);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (outcome == CallOutcome.CALL_BACK) {
            if (!request.callBackAt().isAfter(now)) {
                throw new UnprocessableException("callBackAt", "must be later than now (" + now + ")");
            }
            if (r.nextStepAt() != null && !request.callBackAt().isBefore(r.nextStepAt())) {
                throw new UnprocessableException("callBackAt", "must be before the schedule's next step (" + stages.nameOf(r.nextStage())
                        + ", at " + r.nextStepAt() + "): the call would hold the schedule back");
            }
        }
        if (task.getAssignee() == null) {
            tasks.claim(task.getId(), who);
        }
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        String promiseId = null;
        String disputeId = null;
        if (outcome == CallOutcome.PROMISE_TO_PAY) {
            PromiseView promise = promises.make(r.externalId(), request.amount(), request.date(), who);
            promiseId = promise.id();
        }
        OffsetDateTime callBackAt = outcome == CallOutcome.CALL_BACK ? request.callBackAt() : null;
        CallOutcomes.Row row = new CallOutcomes.Row(r.id(), task.getId(), outcome, note, promiseId, null, callBackAt, who, now);
        if (outcome == CallOutcome.DISPUTES_DEBT) {
            // the dispute interrupts the schedule, and the call task with it: nothing is left to complete
            calls.insert(row);
            events.call(r.id(), r.stage(), detail(outcome, note, request, null), who, now);
            disputeId = disputes.open(r.externalId(), note).id();
            log.info("Call {} on {}: {} by {}", task.getId(), LogText.of(r.externalId()), outcome, LogText.of(who));
            return line(new CallOutcomes.Row(r.id(), task.getId(), outcome, note, null, disputeId, null, who, now));
        }
        calls.insert(row);
        events.call(r.id(), r.stage(), detail(outcome, note, request, promiseId), who, now);
        Map<String, Object> variables = new HashMap<>();
        variables.put(CollectionProcess.VAR_CALL_OUTCOME, outcome.name());
        variables.put(CollectionProcess.VAR_CALL_BACK_AT, callBackAt == null ? null : Date.from(callBackAt.toInstant()));
        Receivable after = receivables.get(r.externalId());
        if (after.heldUntil() != null && after.nextStepAt() != null) {
            // a promise holds the case: the schedule's next step waits where the hold put it
            variables.put(CollectionProcess.VAR_NEXT_STEP_AT, Date.from(after.nextStepAt().toInstant()));
        }
        tasks.complete(task.getId(), variables);
        log.info("Call {} on {}: {} by {}", task.getId(), LogText.of(r.externalId()), outcome, LogText.of(who));
        return line(row);
    }

    /** The outcome asked for, once every field it needs is there; 400 naming each missing or malformed one. */
    private static CallOutcome checked(NewCallOutcome request) {
        if (request == null) {
            throw new InvalidInputException("outcome", "must say how the call ended");
        }
        List<FieldProblem> problems = new ArrayList<>();
        CallOutcome outcome = null;
        if (request.outcome() == null || request.outcome().isBlank()) {
            problems.add(new FieldProblem("outcome", "must say how the call ended: one of " + Arrays.toString(CallOutcome.values())));
        } else {
            try {
                outcome = CallOutcome.valueOf(request.outcome().strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("outcome", "must be one of " + Arrays.toString(CallOutcome.values())));
            }
        }
        if (request.note() != null && request.note().length() > MAX_NOTE) {
            problems.add(new FieldProblem("note", "must be at most " + MAX_NOTE + " characters"));
        }
        if (outcome == CallOutcome.PROMISE_TO_PAY) {
            if (request.amount() == null) {
                problems.add(new FieldProblem("amount", "must be the amount the debtor promised to pay, in reais"));
            }
            if (request.date() == null) {
                problems.add(new FieldProblem("date", "must be the date the debtor promised to pay by (YYYY-MM-DD)"));
            }
        }
        if (outcome == CallOutcome.CALL_BACK && request.callBackAt() == null) {
            problems.add(new FieldProblem("callBackAt", "must be when the debtor asked to be called back (a date-time with offset)"));
        }
        if (outcome == CallOutcome.DISPUTES_DEBT && (request.note() == null || request.note().isBlank())) {
            problems.add(new FieldProblem("note", "must say what the debtor contests: it becomes the dispute's reason"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return outcome;
    }

    /** Refuses a call offered to none of the caller's groups, unless they took it or are an admin. */
    private void offeredTo(Task task, Caller caller) {
        if (caller.admin() || caller.user().equals(task.getAssignee())) {
            return;
        }
        List<String> groups = candidateGroups(task);
        if (groups.stream().noneMatch(caller.groups()::contains)) {
            throw new ForbiddenException("call task " + task.getId() + " is offered to " + String.join(", ", groups)
                    + ": none of them is a group of yours");
        }
    }

    private List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null).map(l -> l.getGroupId()).sorted().toList();
    }

    private Task callTask(String taskId) {
        Task task = taskId == null || taskId.isBlank() || taskId.length() > 64 ? null
                : tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || !CollectionProcess.USER_TASK_CALL.equals(task.getTaskDefinitionKey())) {
            throw new NotFoundException("no open call task with id " + taskId);
        }
        return task;
    }

    private Receivable receivableOf(Task task) {
        Object id = tasks.getVariable(task.getId(), CollectionProcess.VAR_RECEIVABLE_ID);
        return repository.get(((Number) id).longValue());
    }

    private Map<String, String> scriptValues(Receivable r, Customer c, Charges charges, String who, LocalDate today) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("nome", c.name());
        values.put("atendente", who == null ? "" : who);
        values.put("credor", properties.creditor().name());
        values.put("descricao", r.description() == null || r.description().isBlank() ? "a fatura " + r.externalId() : r.description());
        values.put("referencia", r.externalId());
        values.put("vencimento", MessageValues.date(r.dueDate()));
        values.put("data_calculo", MessageValues.date(today));
        values.put("principal", MessageValues.brl(charges.principal()));
        values.put("multa", MessageValues.brl(charges.fine()));
        values.put("juros", MessageValues.brl(charges.interest()));
        values.put("total", MessageValues.brl(charges.total()));
        return values;
    }

    /** The timeline's words for the call. */
    private String detail(CallOutcome outcome, String note, NewCallOutcome request, String promiseId) {
        StringBuilder s = new StringBuilder("ligação: ").append(outcome.words());
        if (outcome == CallOutcome.PROMISE_TO_PAY) {
            s.append(" ").append(MessageValues.brl(request.amount())).append(" até ").append(MessageValues.date(request.date()))
                    .append(" (promessa ").append(promiseId).append(")");
        } else if (outcome == CallOutcome.CALL_BACK) {
            s.append(" em ").append(request.callBackAt().atZoneSameInstant(properties.timeZone()).format(CALL_BACK));
        }
        if (note != null) {
            s.append(" — ").append(note);
        }
        return s.toString();
    }

    private static DeskView.CallLine line(CallOutcomes.Row row) {
        return new DeskView.CallLine(row.recordedAt(), row.outcome().name(), row.outcome().words(), row.note(), row.collector(),
                row.promiseId(), row.disputeId(), row.callBackAt());
    }
}
