package br.com.regua.integration.bureau;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.springframework.stereotype.Component;

import br.com.regua.contact.ContactService;
import br.com.regua.policy.PolicyDecision;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.policy.RequiredNotice;
import br.com.regua.policy.Stage;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.receivable.ReceivableStatus;
import br.com.regua.schedule.CaseSnapshots;
import br.com.regua.settings.ReguaProperties;

/**
 * What the policy asks of a listing, checked at the moment it is sent, on the facts of that moment:
 * the prior notice delivered (a provider's delivery report: the stricter reading of STJ Tema 1.315,
 * which accepts electronic notice with proof of sending and delivery) and its waiting period passed
 * since that delivery; the debt open, not disputed, not in an agreement, not under a promise to pay;
 * and the policy still planning a report for it (a balance under its minimum, or a debt past the days
 * a listing may come, has none).
 */
@Component
class ListingConditions {

    private final ReceivableRepository receivables;
    private final ContactService contacts;
    private final CaseSnapshots snapshots;
    private final PolicyEngine policy;
    private final ReguaProperties settings;
    private final Clock clock;

    ListingConditions(ReceivableRepository receivables, ContactService contacts, CaseSnapshots snapshots, PolicyEngine policy,
                      ReguaProperties settings, Clock clock) {
        this.receivables = receivables;
        this.contacts = contacts;
        this.snapshots = snapshots;
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
    }

    /** Send it (with what to send), refuse it (with the reason), or wait until the notice's period has passed. */
    sealed interface Verdict {
    }

    record Send(Bureau.Listing listing) implements Verdict {
    }

    record Refuse(String reason) implements Verdict {
    }

    record Wait(OffsetDateTime until, String why) implements Verdict {
    }

    Verdict check(BureauListings.Row row) {
        Receivable r = receivables.get(row.receivableId());
        ZonedDateTime now = ZonedDateTime.now(clock);
        if (r.status() == ReceivableStatus.DISPUTED) {
            return new Refuse("the debtor disputes the debt: no listing while a dispute is open");
        }
        if (r.status() == ReceivableStatus.IN_AGREEMENT) {
            return new Refuse("the debt is in an agreement: no listing while it is kept");
        }
        if (r.status() != ReceivableStatus.OPEN) {
            return new Refuse("the debt is no longer open (" + r.status() + ")");
        }
        if (r.heldUntil() != null && r.heldUntil().isAfter(now.toOffsetDateTime())) {
            return new Refuse("a promise to pay holds the debt until " + r.heldUntil().atZoneSameInstant(now.getZone()).toLocalDate()
                    + ": no listing while it is open");
        }
        Customer c = receivables.customer(r.customerId());
        PolicyDecision decision = policy.evaluate(snapshots.of(r, c, now.toLocalDate()));
        if (decision.dayOf(Stage.BUREAU_REPORT).isEmpty()) {
            return new Refuse("the policy plans no credit bureau report for this debt now (balance R$ "
                    + r.ledger().principalOutstanding().toPlainString() + ": under the policy's minimum, or past the days a listing may come)");
        }
        Optional<OffsetDateTime> delivered = contacts.firstDelivered(r.id(), Stage.BUREAU_PRIOR_NOTICE);
        if (delivered.isEmpty()) {
            return new Refuse("the prior notice (" + Stage.BUREAU_PRIOR_NOTICE + ") has no proof of delivery: the law asks for it before a listing");
        }
        int days = decision.noticesRequiredBy(Stage.BUREAU_REPORT).stream()
                .filter(n -> n.getNotice().equals(Stage.BUREAU_PRIOR_NOTICE)).mapToInt(RequiredNotice::getDays).max().orElse(0);
        LocalDate deliveredOn = delivered.get().atZoneSameInstant(now.getZone()).toLocalDate();
        LocalDate allowedFrom = deliveredOn.plusDays(days);
        if (now.toLocalDate().isBefore(allowedFrom)) {
            return new Wait(allowedFrom.atStartOfDay(now.getZone()).toOffsetDateTime(),
                    "the prior notice was delivered on " + deliveredOn + "; its " + days + " days pass on " + allowedFrom);
        }
        return new Send(new Bureau.Listing(row.reference(), c.document(), c.name(),
                settings.creditor().name() + " (" + settings.creditor().document() + ")", r.description(), r.ledger().principalOutstanding(), r.dueDate(),
                delivered.get()));
    }
}
