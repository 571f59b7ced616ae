package br.com.regua.agreement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.errors.ConflictException;
import br.com.regua.errors.FieldProblem;
import br.com.regua.errors.InputValidator;
import br.com.regua.errors.InvalidInputException;
import br.com.regua.errors.NotFoundException;
import br.com.regua.errors.UnprocessableException;
import br.com.regua.events.BusinessEvent;
import br.com.regua.events.EventType;
import br.com.regua.logging.LogText;
import br.com.regua.payment.NewPayment;
import br.com.regua.pix.PixProperties;
import br.com.regua.policy.PolicyDecision;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.receivable.BusinessDates;
import br.com.regua.receivable.ContentHash;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Ledger;
import br.com.regua.receivable.Money;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.receivable.ReceivableStatus;
import br.com.regua.cases.CaseEvents;
import br.com.regua.schedule.CaseSnapshots;
import br.com.regua.cases.CollectionCases;
import br.com.regua.schedule.ContactHours;

/**
 * Agreements: made from a signed offer, paid installment by installment, kept when nothing is
 * left, broken when an installment stays unpaid past its grace. While an agreement runs, the
 * collection cases of its receivables wait; a broken one sends them back to their schedule.
 */
@Service
public class AgreementService {

    private static final Logger log = LoggerFactory.getLogger(AgreementService.class);

    private final AgreementRepository agreements;
    private final OfferService offers;
    private final ReceivableRepository receivables;
    private final PolicyEngine policy;
    private final CaseSnapshots snapshots;
    private final CaseEvents events;
    private final CollectionCases cases;
    private final ApplicationEventPublisher published;
    private final RuntimeService runtime;
    private final InputValidator validator;
    private final InstallmentReminders reminders;
    private final ExtensionConfirmations confirmations;
    private final PixProperties pix;
    private final ObjectMapper json;
    private final Clock clock;

    AgreementService(AgreementRepository agreements, OfferService offers, ReceivableRepository receivables, PolicyEngine policy,
                     CaseSnapshots snapshots, CaseEvents events, CollectionCases cases, RuntimeService runtime,
                     InputValidator validator, InstallmentReminders reminders, ExtensionConfirmations confirmations,
                     PixProperties pix, ObjectMapper json, ApplicationEventPublisher published, Clock clock) {
        this.confirmations = confirmations;
        this.agreements = agreements;
        this.offers = offers;
        this.receivables = receivables;
        this.policy = policy;
        this.snapshots = snapshots;
        this.events = events;
        this.cases = cases;
        this.published = published;
        this.runtime = runtime;
        this.validator = validator;
        this.reminders = reminders;
        this.pix = pix;
        this.json = json;
        this.clock = clock;
    }

    /** The agreement and whether this call made it (false: the same offer was accepted before). */
    public record Acceptance(AgreementView agreement, boolean created) {
    }

    /** A recorded installment payment, whether this call recorded it, and the agreement after it. */
    public record PaymentOutcome(Map<String, Object> payment, boolean created, AgreementView agreement) {
    }

    /** What the process waits for next: nothing ({@code allPaid}), or one installment's dates. */
    public record NextInstallment(boolean allPaid, Integer number, Date reminderAt, Date graceEndsAt) {
    }

    @Transactional
    public Acceptance accept(String offerId) {
        if (offerId == null || offerId.isBlank()) {
            throw new InvalidInputException("offerId", "must not be blank");
        }
        Offer offer = offers.read(offerId)
                .orElseThrow(() -> new UnprocessableException("offerId", "is not an offer made by Régua, or it was altered"));
        String offerHash = ContentHash.of(offerId);
        var existing = agreements.findByOfferHash(offerHash);
        if (existing.isPresent()) {
            return new Acceptance(view(existing.get()), false);
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        if (now.toLocalDate().isAfter(offer.expiresOn())) {
            throw new ConflictException("offerId", "the offer expired on " + offer.expiresOn() + "; ask for new offers");
        }
        List<Receivable> debts = new ArrayList<>();
        for (String externalId : offer.receivables()) {
            Receivable r = receivables.findByExternalId(externalId)
                    .orElseThrow(() -> new UnprocessableException("offerId", "refers to a receivable that does not exist"));
            debts.add(receivables.lock(r.id()));
        }
        if (offer.kind() == Offer.Kind.EXTENSION) {
            refuseExtensionBeyondPolicy(debts, now.toLocalDate());
        }
        if (!OfferService.digest(debts).equals(offer.debtDigest())) {
            throw new ConflictException("offerId", "the debt changed since the offer was made (a payment, an agreement, a dispute); "
                    + "ask for new offers");
        }
        Customer customer = receivables.customer(debts.get(0).customerId());
        String id = UUID.randomUUID().toString();
        OffsetDateTime at = now.toOffsetDateTime();
        agreements.insert(new AgreementRepository.Agreement(id, offerHash, customer.id(), AgreementStatus.ACTIVE, offer.total(),
                        offer.followUp().reminderDaysBefore(), offer.followUp().graceDays(), offer.policyVersion(), write(offer), at, null),
                offer.kind(), offer.installments(), debts.stream().map(Receivable::id).toList());
        for (Receivable r : debts) {
            events.agreement(r.id(), r.stage(), offer.kind() == Offer.Kind.EXTENSION
                    ? "agreement " + id + " accepted: due date extended from " + r.dueDate() + " to " + offer.firstDueDate()
                    + ", total " + offer.total()
                    : "agreement " + id + " accepted: " + offer.installmentCount() + " installment(s), total " + offer.total(), at);
            published.publishEvent(BusinessEvent.of(EventType.AGREEMENT_CREATED, r.externalId(), at, "agreement", id,
                    "installments", offer.installmentCount(), "total", Money.round(offer.total()).toPlainString()));
            // the schedule waits: no next step while the agreement runs
            cases.pauseForAgreement(r, at);
        }
        if (offer.kind() == Offer.Kind.EXTENSION) {
            Receivable r = debts.get(0);
            confirmations.confirm(id, offer, r, customer, decisionFor(r, now.toLocalDate()).channels(), at);
        }
        runtime.startProcessInstanceByKey(AgreementProcess.KEY, id, Map.of(AgreementProcess.VAR_AGREEMENT_ID, id));
        log.info("Agreement {} accepted for customer {}: {} installment(s), total {}", id, LogText.of(customer.externalId()),
                offer.installmentCount(), offer.total());
        return new Acceptance(view(agreements.find(id).orElseThrow()), true);
    }

    /**
     * A receivable may be extended as many times as the policy says (once, by default), whichever
     * offer is accepted: two extension offers made on different days would otherwise both be taken.
     * Checked before the debt's digest, so the refusal says why.
     */
    private void refuseExtensionBeyondPolicy(List<Receivable> debts, LocalDate today) {
        for (Receivable r : debts) {
            int done = agreements.extensionsOf(r.id());
            int allowed = decisionFor(r, today).extensionTerms().getMaxTimes();
            if (done >= allowed) {
                throw new UnprocessableException("offerId", done == 0
                        ? "the policy allows no extension of the due date of receivable " + r.externalId() + " now"
                        : "receivable " + r.externalId() + " was already extended " + (done == 1 ? "once" : done + " times")
                        + ": the policy allows " + allowed + "; ask for the other offers");
            }
        }
    }

    /** The customer's agreements still running, oldest first. */
    public List<AgreementView> activeOf(long customerId) {
        return agreements.activeOfCustomer(customerId).stream().map(this::view).toList();
    }

    public AgreementView get(String id) {
        return view(agreements.find(id).orElseThrow(() -> new NotFoundException("no agreement with id " + id)));
    }

    /** Records an installment payment, applies the money to the receivables and lets the agreement move on. */
    @Transactional
    public PaymentOutcome pay(NewPayment request) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        validate(request);
        String hash = ContentHash.of("agreement", request.agreementId(), request.installment(),
                request.amount().setScale(2).toPlainString(), request.method(), request.paidAt().toInstant());
        var existing = agreements.findPayment(request.externalId());
        if (existing.isPresent()) {
            if (!existing.get().contentHash().equals(hash)) {
                throw new ConflictException("externalId", "payment " + request.externalId() + " is already recorded with other content");
            }
            return new PaymentOutcome(paymentView(existing.get()), false, get(existing.get().agreementId()));
        }
        AgreementRepository.Agreement a = agreements.lock(request.agreementId())
                .orElseThrow(() -> new InvalidInputException("agreementId", "no agreement with this id"));
        AgreementRepository.Installment installment = agreements.installments(a.id()).stream()
                .filter(i -> i.number() == request.installment()).findFirst()
                .orElseThrow(() -> new InvalidInputException("installment", "agreement " + a.id() + " has no installment "
                        + request.installment()));
        if (a.status() != AgreementStatus.ACTIVE) {
            throw new ConflictException("agreementId", "agreement " + a.id() + " is " + a.status());
        }
        if (installment.paid()) {
            throw new ConflictException("installment", "installment " + installment.number() + " is already paid");
        }
        var payment = new AgreementRepository.InstallmentPayment(request.externalId(), a.id(), installment.number(),
                request.amount(), request.method(), request.paidAt(), hash);
        agreements.insertPayment(payment, now);
        boolean complete = installment.paidAmount().add(request.amount()).compareTo(installment.amount()) >= 0;
        agreements.addToInstallment(a.id(), installment.number(), request.amount(), complete ? request.paidAt() : null);
        applyToReceivables(a, request, now);
        // the process re-plans: the next installment, or the end of the agreement
        runtime.createMessageCorrelation(AgreementProcess.MESSAGE_INSTALLMENT_PAID).processInstanceBusinessKey(a.id())
                .correlateAllWithResult();
        log.info("Payment {} of {} for installment {} of agreement {}{}", LogText.of(request.externalId()), request.amount(),
                installment.number(), a.id(), complete ? ": installment paid" : ": partial");
        return new PaymentOutcome(paymentView(payment), true, get(a.id()));
    }

    /** The first unpaid installment with its reminder moment (within contact hours) and the end of its grace. */
    @Transactional
    public NextInstallment next(String agreementId) {
        AgreementRepository.Agreement a = agreements.lock(agreementId).orElseThrow();
        var unpaid = agreements.installments(agreementId).stream().filter(i -> !i.paid()).findFirst();
        if (unpaid.isEmpty()) {
            return new NextInstallment(true, null, null, null);
        }
        AgreementRepository.Installment i = unpaid.get();
        ZonedDateTime now = ZonedDateTime.now(clock);
        PolicyDecision d = decisionFor(firstReceivable(a), now.toLocalDate());
        ZonedDateTime reminder = ContactHours.nextAllowed(
                i.dueDate().minusDays(a.reminderDaysBefore()).atStartOfDay(now.getZone()), d.contactWindows());
        if (reminder.isBefore(now)) {
            reminder = ContactHours.nextAllowed(now, d.contactWindows());
        }
        // the whole last day of grace is the debtor's
        ZonedDateTime graceEnds = i.dueDate().plusDays(a.graceDays() + 1L).atStartOfDay(now.getZone());
        return new NextInstallment(false, i.number(), Date.from(reminder.toInstant()), Date.from(graceEnds.toInstant()));
    }

    /** The reminder of installment {@code number}, unless it was paid in the meantime. */
    @Transactional
    public void remind(String agreementId, int number) {
        AgreementRepository.Agreement a = agreements.lock(agreementId).orElseThrow();
        List<AgreementRepository.Installment> all = agreements.installments(agreementId);
        AgreementRepository.Installment i = all.stream().filter(x -> x.number() == number).findFirst().orElseThrow();
        if (a.status() != AgreementStatus.ACTIVE || i.paid()) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        Receivable r = firstReceivable(a);
        Customer c = receivables.customer(r.customerId());
        reminders.remind(a.id(), r, c, i, all.size(), pixFor(a.id(), i), decisionFor(r, now.toLocalDate()).channels(),
                now.toOffsetDateTime());
    }

    /**
     * An installment stayed unpaid past its grace: the agreement is broken, the customer's history
     * records it, the discount is gone (the receivables owe their full amounts less what was paid)
     * and collection resumes where the terms of the offer said.
     */
    @Transactional
    public void breakAgreement(String agreementId) {
        AgreementRepository.Agreement a = agreements.lock(agreementId).orElseThrow();
        if (a.status() != AgreementStatus.ACTIVE) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        OffsetDateTime at = now.toOffsetDateTime();
        LocalDate today = now.toLocalDate();
        agreements.end(a.id(), AgreementStatus.BROKEN, at);
        receivables.recordAgreementBroken(a.customerId(), today);
        Offer offer = read(a.offer());
        LocalDate agreedOn = a.createdAt().atZoneSameInstant(now.getZone()).toLocalDate();
        for (Long id : agreements.receivableIds(a.id())) {
            Receivable r = receivables.lock(id);
            if (r.status() != ReceivableStatus.IN_AGREEMENT) {
                continue;
            }
            events.agreement(r.id(), r.stage(), "agreement " + a.id()
                    + " broken: an installment stayed unpaid past its grace; the discount is revoked", at);
            published.publishEvent(BusinessEvent.of(EventType.AGREEMENT_BROKEN, r.externalId(), at, "agreement", a.id()));
            Receivable open = receivables.get(r.id());
            String resumeStage = offer.followUp().resumeStage();
            cases.resumeAfterAgreement(open, agreedOn, resumeStage, resumeDay(open, resumeStage, today), today, at);
        }
        log.info("Agreement {} broken", a.id());
    }

    /** Every installment is paid: the receivables are settled (the discount stands) and their cases end with thanks. */
    @Transactional
    public void keep(String agreementId) {
        AgreementRepository.Agreement a = agreements.lock(agreementId).orElseThrow();
        if (a.status() != AgreementStatus.ACTIVE) {
            return;
        }
        OffsetDateTime at = OffsetDateTime.now(clock);
        LocalDate today = at.atZoneSameInstant(clock.getZone()).toLocalDate();
        agreements.end(a.id(), AgreementStatus.KEPT, at);
        receivables.recordAgreementKept(a.customerId());
        for (Long id : agreements.receivableIds(a.id())) {
            Receivable r = receivables.lock(id);
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            receivables.updateLedger(r.id(), new Ledger(r.dueDate(), zero, zero, zero, true, today), ReceivableStatus.PAID, at);
            events.agreement(r.id(), r.stage(), "agreement " + a.id() + " kept: every installment paid", at);
            published.publishEvent(BusinessEvent.of(EventType.AGREEMENT_KEPT, r.externalId(), at, "agreement", a.id()));
            published.publishEvent(BusinessEvent.of(EventType.RECEIVABLE_PAID, r.externalId(), at, "agreement", a.id()));
            cases.settle(r);
        }
        log.info("Agreement {} kept", a.id());
    }

    /**
     * The agreement's process instance was deleted in the engine (Cockpit, {@code /engine-rest}),
     * not ended by its BPMN: the agreement is cancelled (no more installments are taken), and so are
     * its receivables, whose cases end. Runs in the deleting transaction.
     */
    @Transactional
    public void deletedInEngine(String agreementId, String by, String reason) {
        var found = agreements.lock(agreementId);
        if (found.isEmpty() || found.get().status() != AgreementStatus.ACTIVE) {
            return;
        }
        AgreementRepository.Agreement a = found.get();
        agreements.end(a.id(), AgreementStatus.CANCELLED, OffsetDateTime.now(clock));
        for (Long id : agreements.receivableIds(a.id())) {
            cases.agreementDeletedInEngine(id, a.id(), by, reason);
        }
        log.warn("Agreement {} cancelled: deleted in the engine by {} ({})", a.id(), by, reason == null ? "no reason given" : reason);
    }

    /** The day the policy, asked now, plans the resume stage on, if it names one and plans it. */
    private Integer resumeDay(Receivable r, String resumeStage, LocalDate today) {
        if (resumeStage == null) {
            return null;
        }
        return policy.evaluate(snapshots.of(r, receivables.customer(r.customerId()), today)).dayOf(resumeStage).orElse(null);
    }

    private void applyToReceivables(AgreementRepository.Agreement a, NewPayment request, OffsetDateTime now) {
        LocalDate paidOn = request.paidAt().atZoneSameInstant(clock.getZone()).toLocalDate();
        BigDecimal left = request.amount();
        for (Long id : agreements.receivableIds(a.id())) {
            if (left.signum() <= 0) {
                break;
            }
            Receivable r = receivables.lock(id);
            if (r.ledger().isSettled()) {
                continue;
            }
            Ledger.PaymentApplication applied = r.ledger().apply(left, paidOn, decisionFor(r, paidOn).chargeRates());
            receivables.updateLedger(r.id(), applied.after(), r.status(), now);
            events.agreement(r.id(), r.stage(), "installment " + request.installment() + " of agreement " + a.id()
                    + ": " + left.subtract(applied.excess()) + " applied (payment " + request.externalId() + ")", now);
            left = applied.excess();
        }
    }

    private PolicyDecision decisionFor(Receivable r, LocalDate day) {
        return policy.evaluate(snapshots.of(r, receivables.customer(r.customerId()), day));
    }

    private Receivable firstReceivable(AgreementRepository.Agreement a) {
        return receivables.get(agreements.receivableIds(a.id()).get(0));
    }

    private void validate(NewPayment request) {
        List<FieldProblem> problems = new ArrayList<>(validator.problems(request));
        if (request.installment() == null) {
            problems.add(new FieldProblem("installment", "must be the number of the installment paid"));
        }
        if (request.receivableExternalId() != null) {
            problems.add(new FieldProblem("receivableExternalId", "must be left out when paying an agreement's installment"));
        }
        if (request.paidAt() != null) {
            BusinessDates.paidAtProblem(request.paidAt(), clock).ifPresent(m -> problems.add(new FieldProblem("paidAt", m)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private AgreementView view(AgreementRepository.Agreement a) {
        LocalDate today = LocalDate.now(clock);
        Offer offer = read(a.offer());
        List<AgreementView.InstallmentView> installments = agreements.installments(a.id()).stream().map(i -> {
            boolean late = i.paid() ? i.paidAt().atZoneSameInstant(clock.getZone()).toLocalDate().isAfter(i.dueDate())
                    : today.isAfter(i.dueDate());
            return new AgreementView.InstallmentView(i.number(), i.dueDate(), i.amount(), i.paidAmount(), i.paid(), late, i.paidAt(),
                    i.paid() || a.status() != AgreementStatus.ACTIVE ? null : pixFor(a.id(), i));
        }).toList();
        return new AgreementView(a.id(), a.status(), offer.customerExternalId(), offer.receivables(), offer.kind(), a.total(),
                offer.breakdown(), a.createdAt(), a.endedAt(), installments);
    }

    /** The PIX "copia e cola" for what is left of an installment, when the creditor's PIX data is configured. */
    private String pixFor(String agreementId, AgreementRepository.Installment i) {
        if (!pix.configured() || i.left().signum() <= 0) {
            return null;
        }
        String txid = agreementId.replace("-", "").substring(0, 20) + "P" + i.number();
        return pix.copiaEColaTagged(i.left(), txid).orElse(null);
    }

    private static Map<String, Object> paymentView(AgreementRepository.InstallmentPayment p) {
        return Map.of("externalId", p.externalId(), "agreementId", p.agreementId(), "installment", p.installment(),
                "amount", p.amount(), "method", p.method().name(), "paidAt", p.paidAt());
    }

    private Offer read(String offer) {
        try {
            return json.readValue(offer, Offer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the offer of an agreement", e);
        }
    }

    private String write(Offer offer) {
        try {
            return json.writeValueAsString(offer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write offer", e);
        }
    }
}
