package br.com.regua.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import br.com.regua.contact.OptOuts;
import br.com.regua.policy.CaseFacts;
import br.com.regua.policy.Channel;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.ReadAlong;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableRepository;

/** Builds the fact snapshot of a case as of the clock's today. */
@Component
public class CaseSnapshots {

    private final Clock clock;
    private final OptOuts optOuts;
    private final CallOutcomeFacts calls;

    public CaseSnapshots(Clock clock, OptOuts optOuts, CallOutcomeFacts calls) {
        this.clock = clock;
        this.optOuts = optOuts;
        this.calls = calls;
    }

    public CaseFacts of(Receivable r, Customer c) {
        return of(r, c, LocalDate.now(clock));
    }

    public CaseFacts of(Receivable r, Customer c, LocalDate today) {
        return of(r, c, today, optOuts.of(c.id()));
    }

    /** With the customer's opt-outs already read, as a walk over many cases does a page at a time. */
    public CaseFacts of(Receivable r, Customer c, LocalDate today, Set<Channel> optedOut) {
        return of(r, c, today, optedOut, beingRegistered(r) ? null : calls.lastCallOutcome(r.id()).orElse(null));
    }

    /** What {@link #of(ReceivableRepository.WithCustomer, LocalDate)} needs read along with the receivable. */
    public List<ReadAlong<?>> readAlong() {
        return List.of(OptOuts.READ_ALONG, calls.lastCallOutcomeAlong());
    }

    /** From a receivable locked with its customer and what {@link #readAlong()} names: no query of its own. */
    public CaseFacts of(ReceivableRepository.WithCustomer locked, LocalDate today) {
        Receivable r = locked.receivable();
        return of(r, locked.customer(), today, locked.get(OptOuts.READ_ALONG),
                beingRegistered(r) ? null : locked.get(calls.lastCallOutcomeAlong()).orElse(null));
    }

    private static CaseFacts of(Receivable r, Customer c, LocalDate today, Set<Channel> optedOut, String lastCallOutcome) {
        return CaseFacts.builder()
                .receivableId(r.externalId())
                .customerType(c.type())
                .state(c.state())
                .principal(r.principal())
                .balance(r.ledger().principalOutstanding())
                .issueDate(r.issueDate())
                .dueDate(r.dueDate())
                .today(today)
                .pausedDays(r.pausedDays())
                .currentStage(r.stage())
                .reachedDays(r.reachedDays())
                .hasEmail(c.email() != null && !c.email().isBlank())
                .hasPhone(c.phone() != null && !c.phone().isBlank())
                .history(c.history())
                .optedOut(optedOut)
                .nonPaymentReason(c.nonPaymentReason() == null ? null : c.nonPaymentReason().name())
                .policyVersion(r.policyVersion())
                .preferredChannel(c.preferredChannel())
                .preferredTime(c.preferredTime())
                .lastCallOutcome(lastCallOutcome)
                .build();
    }

    /**
     * A receivable without a case id is being registered in this very transaction (its classification
     * writes the case id with the first position): nothing has happened to it yet, no call and
     * no stage, so its history is not asked for — two queries less for each case an intake classifies.
     */
    static boolean beingRegistered(Receivable r) {
        return r.caseId() == null;
    }
}
