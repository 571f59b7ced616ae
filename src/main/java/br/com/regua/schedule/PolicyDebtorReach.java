package br.com.regua.schedule;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import br.com.regua.settings.ReguaProperties;
import br.com.regua.contact.ContactProperties;
import br.com.regua.contact.DebtorReach;
import br.com.regua.policy.PolicyDecision;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.receivable.ReceivableStatus;

/**
 * Answers the delivery worker from the rules, on the case's facts of the moment of sending: the
 * contact windows (in the debtor's own time zone, skipping national holidays and the business's
 * extra closed days), the weekly limit and the fallback channels.
 */
@Component
class PolicyDebtorReach implements DebtorReach {

    // states whose clocks differ from Brasília's (Fernando de Noronha aside); the rest use the business zone
    private static final Map<String, ZoneId> STATE_ZONES = Map.of(
            "AC", ZoneId.of("America/Rio_Branco"),
            "AM", ZoneId.of("America/Manaus"),
            "RR", ZoneId.of("America/Boa_Vista"),
            "RO", ZoneId.of("America/Porto_Velho"),
            "MT", ZoneId.of("America/Cuiaba"),
            "MS", ZoneId.of("America/Campo_Grande"));

    private final ReceivableRepository receivables;
    private final CaseSnapshots snapshots;
    private final PolicyEngine policy;
    private final ZoneId businessZone;
    private final Set<LocalDate> closedDays;

    PolicyDebtorReach(ReceivableRepository receivables, CaseSnapshots snapshots, PolicyEngine policy, ReguaProperties regua,
                      ContactProperties contact) {
        this.receivables = receivables;
        this.snapshots = snapshots;
        this.policy = policy;
        this.businessZone = regua.timeZone();
        this.closedDays = Set.copyOf(contact.extraHolidays());
    }

    @Override
    public Reach of(long receivableId, ZonedDateTime now) {
        Receivable r = receivables.get(receivableId);
        Customer c = receivables.customer(r.customerId());
        ZoneId zone = c.state() == null ? businessZone : STATE_ZONES.getOrDefault(c.state(), businessZone);
        ZonedDateTime local = now.withZoneSameInstant(zone);
        PolicyDecision d = policy.evaluate(snapshots.of(r, c, local.toLocalDate()));
        return new Reach(r.status() == ReceivableStatus.OPEN,
                at -> ContactHours.nextAllowed(at.withZoneSameInstant(zone), d.contactWindows(), closedDays::contains),
                d.maxContactsPerWeek(), d::fallbackFor);
    }
}
