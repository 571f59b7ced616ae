package br.com.regua.integration.agency;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import br.com.regua.cases.CaseEvents;
import br.com.regua.contact.ContactService;
import br.com.regua.contact.ContactStatus;
import br.com.regua.policy.PaymentHistory;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.receivable.Charges;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.schedule.CaseSnapshots;
import br.com.regua.settings.ReguaProperties;

/**
 * What an agency is told of a debt when it is placed, on the facts of the moment it is sent: the
 * creditor, the debtor and how to reach them, what is owed today (principal, fine, interest,
 * total) and what collection did so far (stages reached, messages sent, agreements and promises broken).
 */
@Component
class PlacementBody {

    /** The body, and the amounts it states (recorded with the placement). */
    record Built(Map<String, Object> body, Charges owed) {
    }

    private final ReceivableRepository receivables;
    private final CaseSnapshots snapshots;
    private final PolicyEngine policy;
    private final CaseEvents timeline;
    private final ContactService contacts;
    private final ReguaProperties settings;
    private final Clock clock;

    PlacementBody(ReceivableRepository receivables, CaseSnapshots snapshots, PolicyEngine policy, CaseEvents timeline,
                  ContactService contacts, ReguaProperties settings, Clock clock) {
        this.receivables = receivables;
        this.snapshots = snapshots;
        this.policy = policy;
        this.timeline = timeline;
        this.contacts = contacts;
        this.settings = settings;
        this.clock = clock;
    }

    Built of(AgencyPlacements.Row row) {
        Receivable r = receivables.get(row.receivableId());
        Customer c = receivables.customer(r.customerId());
        LocalDate today = LocalDate.now(clock);
        Charges owed = r.ledger().chargesAsOf(today, policy.evaluate(snapshots.of(r, c, today)).chargeRates());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", row.reference());
        body.put("creditor", map("name", settings.creditor().name(), "document", settings.creditor().document()));
        body.put("debtor", map("externalId", c.externalId(), "name", c.name(), "document", c.document(), "type", c.type().name(),
                "email", c.email(), "phone", c.phone(), "state", c.state()));
        body.put("debt", map("receivable", r.externalId(), "description", r.description(), "issueDate", r.issueDate().toString(),
                "dueDate", r.dueDate().toString(), "daysOverdue", ChronoUnit.DAYS.between(r.dueDate(), today),
                "asOf", today.toString(), "currency", "BRL",
                "principal", money(owed.principal()), "fine", money(owed.fine()), "interest", money(owed.interest()),
                "total", money(owed.total())));

        List<Map<String, Object>> stages = new ArrayList<>();
        timeline.firstReached(r.id()).entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> stages.add(map("stage", e.getKey(), "at", e.getValue().toString())));
        List<Map<String, Object>> messages = new ArrayList<>();
        contacts.forReceivable(r.id()).stream()
                .filter(m -> m.status() == ContactStatus.SENT || m.status() == ContactStatus.DELIVERED)
                .forEach(m -> messages.add(map("at", m.createdAt().toString(), "stage", m.stage(), "channel", m.channel().name(),
                        "status", m.status().name())));
        PaymentHistory h = c.history();
        body.put("history", map("stagesReached", stages, "messagesSent", messages.size(), "messages", messages,
                "agreementsKept", h == null ? 0 : h.getAgreementsKept(), "agreementsBroken", h == null ? 0 : h.getAgreementsBroken(),
                "promisesBroken", h == null ? 0 : h.getPromisesBroken(), "paidOnTime", h == null ? 0 : h.getPaidOnTime(),
                "paidLate", h == null ? 0 : h.getPaidLate()));
        body.put("sentAt", OffsetDateTime.now(clock).toString());
        return new Built(body, owed);
    }

    private static String money(java.math.BigDecimal amount) {
        return br.com.regua.receivable.Money.round(amount).toPlainString();
    }

    private static Map<String, Object> map(Object... namesAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }
}
