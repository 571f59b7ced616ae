package br.com.regua.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import br.com.regua.contact.ContactService;
import br.com.regua.payment.PaymentService;
import br.com.regua.policy.DecisionRecorder;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.portal.PortalTokens;
import br.com.regua.policy.StageCatalog;
import br.com.regua.receivable.Charges;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.cases.CaseEvents;
import br.com.regua.schedule.CaseSnapshots;

/** Assembles the API view of a receivable from the feature services. */
@Component
class ReceivableViews {

    private final ReceivableService receivables;
    private final PolicyEngine policy;
    private final CaseSnapshots snapshots;
    private final CaseEvents events;
    private final DecisionRecorder decisions;
    private final ContactService contacts;
    private final PaymentService payments;
    private final StageCatalog stages;
    private final Clock clock;

    ReceivableViews(ReceivableService receivables, PolicyEngine policy, CaseSnapshots snapshots, CaseEvents events,
                    DecisionRecorder decisions, ContactService contacts, PaymentService payments, StageCatalog stages, Clock clock) {
        this.receivables = receivables;
        this.policy = policy;
        this.snapshots = snapshots;
        this.events = events;
        this.decisions = decisions;
        this.contacts = contacts;
        this.payments = payments;
        this.stages = stages;
        this.clock = clock;
    }

    ReceivableView of(Receivable r) {
        Customer c = receivables.customer(r.customerId());
        LocalDate today = LocalDate.now(clock);
        Charges charges = r.ledger().chargesAsOf(today, policy.evaluate(snapshots.of(r, c, today)).chargeRates());
        List<ReceivableView.TimelineEntry> timeline = new ArrayList<>();
        events.forReceivable(r.id()).forEach(e -> timeline.add(switch (e.kind()) {
            case DELETED_IN_ENGINE -> ReceivableView.TimelineEntry.deletedInEngine(e.at(), e.stage(), e.detail(), e.by(), e.reason());
            case AGREEMENT -> ReceivableView.TimelineEntry.agreement(e.at(), e.stage(), e.detail());
            case DEBTOR -> ReceivableView.TimelineEntry.debtor(e.at(), e.stage(), e.detail());
            case PROMISE -> ReceivableView.TimelineEntry.promise(e.at(), e.stage(), e.detail());
            case CALL -> ReceivableView.TimelineEntry.call(e.at(), e.stage(), e.detail(), e.by());
            case BUREAU -> ReceivableView.TimelineEntry.bureau(e.at(), e.stage(), e.detail());
            case AGENCY -> ReceivableView.TimelineEntry.agency(e.at(), e.stage(), e.detail());
            case STAGE -> ReceivableView.TimelineEntry.stage(e.at(), e.stage(), e.detail());
        }));
        decisions.forReceivable(r.id()).forEach(d -> timeline.add(
                ReceivableView.TimelineEntry.decision(d.decidedAt(), d.kind(), d.policyVersion(), d.rulesFired(), d.outputs())));
        contacts.forReceivable(r.id()).forEach(m -> timeline.add(ReceivableView.TimelineEntry.contact(m.id(), m.createdAt(),
                m.kind().name(), m.stage(), m.channel().name(), m.status().name(), m.subject(),
                // the debtor's personal link is theirs: the staff reading the timeline see that there was one, not which
                PortalTokens.redact(m.body()), m.detail())));
        payments.forReceivable(r.id()).forEach(p -> timeline.add(
                ReceivableView.TimelineEntry.payment(p.paidAt(), p.externalId(), p.amount(), p.method().name())));
        // stable sort: entries of one instant keep the order stage, decision, contact, payment
        timeline.sort(Comparator.comparing(ReceivableView.TimelineEntry::at));
        return new ReceivableView(r.externalId(), r.status().name(), r.stage(), stages.nameOf(r.stage()),
                r.segment() == null ? null : r.segment().name(), r.caseId(),
                new ReceivableView.CustomerRef(c.externalId(), c.name(), c.type().name(),
                        c.preferredChannel() == null ? null : c.preferredChannel().name(), c.preferredTime(), c.address()),
                r.principal(), r.issueDate(), r.dueDate(), r.description(),
                r.nextStage() == null ? null : new ReceivableView.NextStep(r.nextStage(), stages.nameOf(r.nextStage()), r.nextStepAt()),
                charges, timeline);
    }
}
