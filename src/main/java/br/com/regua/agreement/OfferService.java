package br.com.regua.agreement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.errors.ConflictException;
import br.com.regua.errors.NotFoundException;
import br.com.regua.policy.CaseFacts;
import br.com.regua.policy.DecisionRecorder;
import br.com.regua.policy.PolicyDecision;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.receivable.Charges;
import br.com.regua.receivable.ContentHash;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.receivable.ReceivableStatus;
import br.com.regua.schedule.CaseSnapshots;

/**
 * The offers of the moment for one receivable or for every open receivable of a customer. Several
 * receivables are renegotiated as one debt: the policy sees their summed balance, as old as the
 * oldest of them. Each evaluation is a decision record on every receivable it covers.
 */
@Service
public class OfferService {

    private final ReceivableRepository receivables;
    private final PolicyEngine policy;
    private final CaseSnapshots snapshots;
    private final DecisionRecorder decisions;
    private final OfferSigner signer;
    private final ObjectMapper json;
    private final AgreementRepository agreements;
    private final Clock clock;

    OfferService(ReceivableRepository receivables, PolicyEngine policy, CaseSnapshots snapshots, DecisionRecorder decisions,
                 OfferSigner signer, ObjectMapper json, AgreementRepository agreements, Clock clock) {
        this.agreements = agreements;
        this.receivables = receivables;
        this.policy = policy;
        this.snapshots = snapshots;
        this.decisions = decisions;
        this.signer = signer;
        this.json = json;
        this.clock = clock;
    }

    /** The offers, with what is owed today; {@code reason} says why there are none. */
    public record Offers(String customerExternalId, List<String> receivables, LocalDate asOf, BigDecimal principal,
                         BigDecimal fine, BigDecimal interest, BigDecimal total, boolean renegotiationAllowed, String reason,
                         List<Offer> offers) {
    }

    @Transactional
    public Offers forReceivable(String externalId) {
        Receivable r = receivables.findByExternalId(externalId)
                .orElseThrow(() -> new NotFoundException("no receivable with external id " + externalId));
        if (r.status() != ReceivableStatus.OPEN) {
            throw new ConflictException("externalId", "receivable " + externalId + " is " + r.status() + ": it takes no offer");
        }
        return offersFor(receivables.customer(r.customerId()), List.of(r));
    }

    @Transactional
    public Offers forCustomer(String customerExternalId) {
        Customer c = receivables.findCustomer(customerExternalId)
                .orElseThrow(() -> new NotFoundException("no customer with external id " + customerExternalId));
        return offersFor(c, receivables.findByCustomer(c.id(), ReceivableStatus.OPEN));
    }

    /** The customer an offer was made to; empty when it was altered or not made by this server. */
    public Optional<String> customerOf(String offerId) {
        return offerId == null ? Optional.empty() : read(offerId).map(Offer::customerExternalId);
    }

    /** An offer id back to its terms; empty when it was altered or not made by this server. */
    Optional<Offer> read(String offerId) {
        return signer.verify(offerId).map(terms -> {
            try {
                return json.readValue(terms, Offer.class).withId(offerId);
            } catch (JsonProcessingException e) {
                return null;
            }
        });
    }

    /** The digest of what the receivables owe and where they stand: any payment or change alters it. */
    static String digest(List<Receivable> debts) {
        List<Object> parts = new ArrayList<>();
        debts.stream().sorted(Comparator.comparing(Receivable::externalId)).forEach(r -> {
            parts.add(r.externalId());
            parts.add(r.status());
            parts.add(r.principal().toPlainString());
            parts.add(r.ledger().principalOutstanding().toPlainString());
            parts.add(r.ledger().fineCarried().toPlainString());
            parts.add(r.ledger().interestCarried().toPlainString());
        });
        return ContentHash.of(parts.toArray());
    }

    private Offers offersFor(Customer c, List<Receivable> debts) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        List<String> ids = debts.stream().map(Receivable::externalId).toList();
        if (debts.isEmpty()) {
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            return new Offers(c.externalId(), ids, today, zero, zero, zero, zero, false, "nothing is open", List.of());
        }
        Receivable oldest = debts.stream().min(Comparator.comparing(Receivable::dueDate)).orElseThrow();
        BigDecimal principal = sum(debts, r -> r.ledger().principalOutstanding());
        CaseFacts facts = snapshots.of(oldest, c, today).toBuilder()
                .receivableId(String.join(",", ids))
                .principal(sum(debts, Receivable::principal))
                .balance(principal)
                .build();
        PolicyDecision decision = policy.evaluate(facts);
        List<Charges> charges = debts.stream().map(r -> r.ledger().chargesAsOf(today, decision.chargeRates())).toList();
        BigDecimal fine = charges.stream().map(Charges::fine).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal interest = charges.stream().map(Charges::interest).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        OfferCalculator.Debt debt = new OfferCalculator.Debt(c.externalId(), ids, principal, fine, interest, digest(debts));
        List<Offer> made = new ArrayList<>(OfferCalculator.offers(debt, decision.offerTerms(), today, decision.policyVersion()));
        made.addAll(extensions(c, debts, decision, today));
        List<Offer> offers = made.stream().map(o -> o.withId(signer.sign(write(o)))).toList();
        boolean allowed = decision.offerTerms().isRenegotiationAllowed();

        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("offerTerms", decision.offerTerms().toString());
        outputs.put("receivables", ids);
        outputs.put("offers", offers.stream().map(o -> o.kind() + " x" + o.installmentCount() + " = " + o.total()).toList());
        for (Receivable r : debts) {
            decisions.record(r.id(), "OFFER", facts, decision, outputs, now.toOffsetDateTime());
        }
        return new Offers(c.externalId(), ids, today, principal, fine, interest, principal.add(fine).add(interest), allowed,
                allowed ? null : "the policy allows no new agreement for this customer now; the updated amount may be paid at any time",
                offers);
    }

    /**
     * The prorrogação of each receivable the policy lets its debtor extend: one receivable at a time,
     * each as the policy decides for it alone (a customer's debts renegotiated together are not one due date).
     */
    private List<Offer> extensions(Customer c, List<Receivable> debts, PolicyDecision together, LocalDate today) {
        List<Offer> found = new ArrayList<>();
        for (Receivable r : debts) {
            PolicyDecision d = debts.size() == 1 ? together : policy.evaluate(snapshots.of(r, c, today));
            Charges charges = r.ledger().chargesAsOf(today, d.chargeRates());
            OfferCalculator.Debt one = new OfferCalculator.Debt(c.externalId(), List.of(r.externalId()), charges.principal(),
                    charges.fine(), charges.interest(), digest(List.of(r)));
            OfferCalculator.extension(one, r.dueDate(), agreements.extensionsOf(r.id()), d.extensionTerms(), d.offerTerms(), today,
                    d.policyVersion()).ifPresent(found::add);
        }
        return found;
    }

    private String write(Offer o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write offer", e);
        }
    }

    private static BigDecimal sum(List<Receivable> debts, Function<Receivable, BigDecimal> f) {
        return debts.stream().map(f).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
