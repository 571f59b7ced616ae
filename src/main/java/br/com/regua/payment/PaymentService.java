package br.com.regua.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import br.com.regua.errors.ConflictException;
import br.com.regua.errors.FieldProblem;
import br.com.regua.errors.InputValidator;
import br.com.regua.errors.InvalidInputException;
import br.com.regua.events.BusinessEvent;
import br.com.regua.events.EventType;
import br.com.regua.logging.LogText;
import br.com.regua.policy.PolicyDecision;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.policy.PolicyOutputException;
import br.com.regua.receivable.BusinessDates;
import br.com.regua.receivable.ContentHash;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Ledger;
import br.com.regua.receivable.Money;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.receivable.ReceivableStatus;
import br.com.regua.schedule.CaseSnapshots;
import br.com.regua.cases.CollectionCases;

/**
 * Applies payments to receivables. A partial payment lowers the balance and collection goes on
 * (the next decision sees it); one that settles the balance marks the receivable PAID, feeds the
 * customer's history and ends the case with a thank-you, in the same transaction.
 */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final PaymentRepository payments;
    private final ReceivableRepository receivables;
    private final InputValidator validator;
    private final PolicyEngine policy;
    private final CaseSnapshots snapshots;
    private final CollectionCases cases;
    private final ApplicationEventPublisher events;
    private final AgencyPayments agencies;
    private final Clock clock;

    public PaymentService(PaymentRepository payments, ReceivableRepository receivables, InputValidator validator,
                          PolicyEngine policy, CaseSnapshots snapshots, CollectionCases cases,
                          ApplicationEventPublisher events, AgencyPayments agencies, Clock clock) {
        this.payments = payments;
        this.receivables = receivables;
        this.validator = validator;
        this.policy = policy;
        this.snapshots = snapshots;
        this.cases = cases;
        this.events = events;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** The outcome: the payment, whether this call recorded it, and the receivable's status after it. */
    public record Outcome(Payment payment, boolean created, ReceivableStatus receivableStatus) {
    }

    @Transactional
    public Outcome register(NewPayment request) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        validate(request);
        // the agency is part of the content only when named, so the payments recorded before it keep their hashes
        String hash = request.agency() == null
                ? ContentHash.of(request.receivableExternalId(), request.amount().setScale(2).toPlainString(), request.method(),
                        request.paidAt().toInstant())
                : ContentHash.of(request.receivableExternalId(), request.amount().setScale(2).toPlainString(), request.method(),
                        request.paidAt().toInstant(), request.agency());
        var existing = payments.findByExternalId(request.externalId());
        if (existing.isPresent()) {
            if (!existing.get().contentHash().equals(hash)) {
                throw new ConflictException("externalId", "payment " + request.externalId() + " is already recorded with other content");
            }
            Receivable r = receivables.findByExternalId(request.receivableExternalId()).orElseThrow();
            return new Outcome(existing.get(), false, r.status());
        }
        Receivable found = receivables.findByExternalId(request.receivableExternalId())
                .orElseThrow(() -> new InvalidInputException("receivableExternalId", "no receivable with this external id"));
        Receivable r = receivables.lock(found.id());
        if (r.status() == ReceivableStatus.PAID || r.status() == ReceivableStatus.CANCELLED) {
            throw new ConflictException("receivableExternalId", "receivable " + r.externalId() + " is " + r.status());
        }
        if (r.status() == ReceivableStatus.IN_AGREEMENT) {
            throw new ConflictException("receivableExternalId", "receivable " + r.externalId()
                    + " is in an agreement: pay its installments, with agreementId and installment");
        }
        if (request.agency() != null) {
            agencies.refusal(r.id(), request.agency()).ifPresent(why -> {
                throw new InvalidInputException("agency", why);
            });
        }
        Customer c = receivables.customer(r.customerId());
        LocalDate paidOn = request.paidAt().atZoneSameInstant(clock.getZone()).toLocalDate();
        PolicyDecision d = policy.evaluate(snapshots.of(r, c, paidOn));
        BigDecimal commissionRate = null;
        BigDecimal commission = null;
        if (request.agency() != null) {
            commissionRate = policy.agencyTerms(snapshots.of(r, c, paidOn)).commissionRate();
            if (commissionRate == null) {
                throw new PolicyOutputException("the policy gives no agency commission for a debt " + ChronoUnit.DAYS.between(r.dueDate(), paidOn)
                        + " days overdue (agency-commission.drl.csv)");
            }
            commission = Money.round(request.amount().multiply(commissionRate));
        }
        // paid by the due date, the punctuality discount covers the rest of the principal: the ledger takes it as paid
        BigDecimal discount = r.ledger().punctualityDiscountNeeded(request.amount(), paidOn, d.punctualityDiscount().getRate());
        Ledger.PaymentApplication applied = r.ledger().apply(request.amount().add(discount), paidOn, d.chargeRates());
        Payment payment = new Payment(request.externalId(), r.externalId(), request.amount(), request.method(), request.paidAt(),
                applied.interest(), applied.fine(), applied.principal().subtract(discount), applied.excess(), discount, hash,
                request.agency(), commissionRate, commission);
        // the segment the case was collected under; a case not yet classified takes the one this decision gives
        String segment = r.segment() != null ? r.segment().name() : d.segment() == null ? null : d.segment().name();
        payments.insert(r.id(), payment, r.stage(), segment, d.policyNumber(), now);
        boolean settled = applied.after().isSettled();
        ReceivableStatus status = settled ? ReceivableStatus.PAID : r.status();
        receivables.updateLedger(r.id(), applied.after(), status, now);
        events.publishEvent(new PaymentRecorded(r.id(), request.externalId(), request.amount(), request.paidAt(), settled));
        if (settled) {
            receivables.recordPaid(c.id(), (int) ChronoUnit.DAYS.between(r.dueDate(), paidOn));
            List<Object> paid = new ArrayList<>(List.of("payment", request.externalId(), "amount", Money.round(request.amount()).toPlainString(),
                    "method", String.valueOf(request.method()), "paidAt", request.paidAt().toString()));
            if (request.agency() != null) {
                // the agency that collected it: it has nothing to recall
                paid.addAll(List.of("agency", request.agency()));
            }
            events.publishEvent(BusinessEvent.of(EventType.RECEIVABLE_PAID, r.externalId(), now, paid.toArray()));
            cases.settle(r);
        }
        log.info("Payment {} of {} applied to {}: {}", LogText.of(request.externalId()), request.amount(), LogText.of(r.externalId()),
                settled ? "settled" + (discount.signum() > 0 ? " with a punctuality discount of " + discount : "")
                        : "partial, principal left " + applied.after().principalOutstanding());
        return new Outcome(payment, true, status);
    }

    public List<Payment> forReceivable(long receivableId) {
        return payments.forReceivable(receivableId);
    }

    private void validate(NewPayment request) {
        List<FieldProblem> problems = new ArrayList<>(validator.problems(request));
        if (request.receivableExternalId() == null || request.receivableExternalId().isBlank()) {
            problems.add(new FieldProblem("receivableExternalId", "must not be blank"));
        }
        if (request.paidAt() != null) {
            BusinessDates.paidAtProblem(request.paidAt(), clock).ifPresent(m -> problems.add(new FieldProblem("paidAt", m)));
        }
        if (request.agency() != null && request.agency().isBlank()) {
            problems.add(new FieldProblem("agency", "must name a collection agency, or be left out"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
