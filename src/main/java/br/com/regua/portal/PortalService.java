package br.com.regua.portal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import br.com.regua.agreement.AgreementService;
import br.com.regua.agreement.AgreementView;
import br.com.regua.agreement.DisputeService;
import br.com.regua.agreement.OfferService;
import br.com.regua.cases.CaseEvents;
import br.com.regua.contact.ContactProperties;
import br.com.regua.contact.OptOutService;
import br.com.regua.policy.Channel;
import br.com.regua.errors.InvalidInputException;
import br.com.regua.errors.NotFoundException;
import br.com.regua.payment.Payment;
import br.com.regua.payment.PaymentService;
import br.com.regua.pix.PixProperties;
import br.com.regua.policy.PolicyDecision;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.policy.StageCatalog;
import br.com.regua.receivable.Charges;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.NonPaymentReason;
import br.com.regua.receivable.Receivable;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.receivable.ReceivableStatus;
import br.com.regua.schedule.CaseSnapshots;
import br.com.regua.security.AuditLog;
import br.com.regua.settings.ReguaProperties;
import br.com.regua.transactions.Races;

/**
 * What a debtor whose identity is confirmed sees and does on their page. The figures are the API's
 * (the ledger's charges as of today at the policy's rates); accepting an offer and disputing go
 * through the agreement feature exactly as {@code POST /api/agreements} and
 * {@code POST /api/receivables/{externalId}/disputes} do. Each action is written to the case's
 * timeline and to the audit log, with the debtor's customer id as the actor.
 */
@Service
public class PortalService {

    /** The channels a debtor chooses among, in their words (a letter is the law's last resort, not theirs to refuse here). */
    private static final Map<Channel, String> CHANNEL_WORDS = new java.util.EnumMap<>(Map.of(
            Channel.EMAIL, "E-mail", Channel.SMS, "SMS", Channel.WHATSAPP, "WhatsApp"));

    private final ReceivableRepository receivables;
    private final PolicyEngine policy;
    private final CaseSnapshots snapshots;
    private final OfferService offers;
    private final AgreementService agreements;
    private final DisputeService disputes;
    private final CaseEvents events;
    private final AuditLog audit;
    /** what the page says of each stage: the words its BPMN element declares (property debtorWords) */
    private final StageCatalog stages;
    private final PaymentService payments;
    private final OptOutService optOuts;
    private final PixProperties pix;
    private final ContactProperties contact;
    private final ReguaProperties settings;
    private final Clock clock;

    PortalService(ReceivableRepository receivables, PolicyEngine policy, CaseSnapshots snapshots, OfferService offers,
                  AgreementService agreements, DisputeService disputes, CaseEvents events, AuditLog audit, PaymentService payments,
                  OptOutService optOuts, PixProperties pix, ContactProperties contact, ReguaProperties settings, StageCatalog stages,
                  Clock clock) {
        this.stages = stages;
        this.payments = payments;
        this.optOuts = optOuts;
        this.receivables = receivables;
        this.policy = policy;
        this.snapshots = snapshots;
        this.offers = offers;
        this.agreements = agreements;
        this.disputes = disputes;
        this.events = events;
        this.audit = audit;
        this.pix = pix;
        this.contact = contact;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * One receivable still owed, as its debtor sees it.
     *
     * @param situation  where it stands, in plain words
     * @param pix        the PIX copia-e-cola of today's total, when it can be paid on its own and PIX is configured
     * @param pixImage   the same code as a QR image ({@code data:} URI of a PNG)
     * @param disputable whether the debtor may still say "já paguei" or "não reconheço"
     */
    public record Debt(String reference, String description, LocalDate dueDate, BigDecimal principal, BigDecimal fine,
                       BigDecimal interest, BigDecimal total, String situation, String pix, String pixImage, String boletoLine,
                       String paymentLink, boolean disputable, Punctuality punctuality) {
    }

    /**
     * The punctuality discount of a debt still before (or on) its due date: paying {@code payByDueDate}
     * by {@code dueDate} settles it; the PIX code of the debt asks for that amount. Null when the
     * policy grants none, or the due date is past.
     */
    public record Punctuality(BigDecimal discount, BigDecimal payByDueDate, LocalDate dueDate) {
    }

    /** An installment of a running agreement, with its PIX code and QR image while it is unpaid. */
    public record Installment(int number, LocalDate dueDate, BigDecimal amount, boolean paid, String pix, String pixImage) {
    }

    /** A running agreement; {@code extension}: a prorrogação, its one installment on the new due date. */
    public record Agreement(String id, BigDecimal total, List<Installment> installments, boolean extension) {
    }

    /**
     * The page: who collects (CDC art. 42-A), the debts, the offers of today and the agreements running;
     * {@code total} is what is owed today: the debts' updated totals, and for those in an agreement what
     * is left of its installments instead.
     */
    public record Page(String name, ReguaProperties.Creditor creditor, LocalDate asOf, List<Debt> debts, BigDecimal total,
                       OfferService.Offers offers, List<Agreement> agreements, List<Settled> settled,
                       List<ChannelChoice> channels) {
    }

    /** A channel the debtor may refuse on their page, and whether they have. */
    public record ChannelChoice(Channel channel, String words, boolean refused) {
    }


    /** A receivable paid in full, whose declaração de quitação the debtor may download. */
    public record Settled(String reference, String description, LocalDate dueDate) {
    }

    /** The creditor, which even the identity check and the neutral page may name. */
    public ReguaProperties.Creditor creditor() {
        return settings.creditor();
    }

    public Page page(long customerId) {
        Customer c = receivables.customer(customerId);
        LocalDate today = LocalDate.now(clock);
        List<Receivable> owed = new ArrayList<>();
        for (ReceivableStatus s : List.of(ReceivableStatus.OPEN, ReceivableStatus.IN_AGREEMENT, ReceivableStatus.DISPUTED)) {
            owed.addAll(receivables.findByCustomer(customerId, s));
        }
        owed.sort(Comparator.comparing(Receivable::dueDate).thenComparing(Receivable::externalId));
        List<Debt> debts = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Receivable r : owed) {
            PolicyDecision decision = policy.evaluate(snapshots.of(r, c, today));
            Charges charges = r.ledger().chargesAsOf(today, decision.chargeRates());
            boolean open = r.status() == ReceivableStatus.OPEN;
            Punctuality punctuality = open ? punctuality(r, decision, today) : null;
            // by the due date, the PIX code asks for the amount the punctuality discount leaves
            BigDecimal toPay = punctuality == null ? charges.total() : punctuality.payByDueDate();
            String code = open && toPay.signum() > 0 ? pix.copiaECola(toPay, r.externalId()).orElse(null) : null;
            debts.add(new Debt(r.externalId(), describe(r), r.dueDate(), charges.principal(), charges.fine(), charges.interest(), charges.total(),
                    situation(r, today), code, code == null ? null : QrCodes.dataUri(code), open ? r.boletoLine() : null,
                    open ? paymentLink(r.externalId()) : null, open, punctuality));
            // what is in an agreement is owed as its installments, counted below
            if (r.status() != ReceivableStatus.IN_AGREEMENT) {
                total = total.add(charges.total());
            }
        }
        OfferService.Offers offered = owed.stream().anyMatch(r -> r.status() == ReceivableStatus.OPEN)
                ? offers.forCustomer(c.externalId()) : null;
        List<AgreementView> active = agreements.activeOf(customerId);
        for (AgreementView a : active) {
            for (AgreementView.InstallmentView i : a.installments()) {
                total = total.add(i.amount().subtract(i.paidAmount()).max(BigDecimal.ZERO));
            }
        }
        List<Agreement> running = active.stream().map(PortalService::agreement).toList();
        List<Settled> settled = receivables.findByCustomer(customerId, ReceivableStatus.PAID).stream()
                .sorted(Comparator.comparing(Receivable::dueDate).reversed())
                .map(r -> new Settled(r.externalId(), describe(r), r.dueDate())).toList();
        var refused = optOuts.of(c.externalId()).optedOut();
        List<ChannelChoice> channels = CHANNEL_WORDS.entrySet().stream()
                .map(e -> new ChannelChoice(e.getKey(), e.getValue(), refused.contains(e.getKey()))).toList();
        return new Page(c.name(), settings.creditor(), today, debts, total, offered, running, settled, channels);
    }

    /** The debtor confirmed who they are: on the timeline of each case still owed, and in the audit log. */
    @Transactional
    public void confirmed(long customerId, String origin) {
        Customer c = receivables.customer(customerId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Receivable r : owed(customerId)) {
            events.debtor(r.id(), r.stage(), "the debtor confirmed who they are and opened their page", now);
        }
        audit.record(actor(c), origin, "PORTAL identity confirmed", 200, null);
    }

    /** A wrong answer to the identity check: only in the audit log, the debtor being unknown. */
    public void refused(long customerId, String origin, boolean locked) {
        audit.record("anonymous", origin, "PORTAL identity check failed" + (locked ? ", link locked for a while" : ""), 401,
                "link of customer " + receivables.customer(customerId).externalId());
    }

    /**
     * Accepts an offer made to this customer, as {@code POST /api/agreements} does; an offer made to
     * another customer is not found.
     */
    public AgreementView accept(long customerId, String offerId, String origin) {
        Customer c = receivables.customer(customerId);
        if (!offers.customerOf(offerId).map(c.externalId()::equals).orElse(false)) {
            throw new NotFoundException("no such offer for this customer");
        }
        AgreementService.Acceptance result = Races.retryOnce(() -> agreements.accept(offerId));
        AgreementView agreement = result.agreement();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Receivable r : receivables.findByExternalIds(agreement.receivables())) {
            events.debtor(r.id(), r.stage(), "the debtor accepted offer " + agreement.kind() + " on their page: agreement "
                    + agreement.id() + ", " + agreement.installments().size() + " installment(s), total " + agreement.total(), now);
        }
        audit.record(actor(c), origin, "PORTAL accept offer", result.created() ? 201 : 200, "agreement " + agreement.id());
        return agreement;
    }

    /**
     * The channels the debtor no longer wants to hear from, as {@code /api/customers/{id}/opt-outs} records
     * them: the others are accepted again. Returns whether anything changed.
     */
    public boolean refuseChannels(long customerId, java.util.Set<Channel> refused, String origin) {
        Customer c = receivables.customer(customerId);
        List<String> changes = new ArrayList<>();
        for (Channel channel : CHANNEL_WORDS.keySet()) {
            boolean changed = refused.contains(channel) ? optOuts.optOut(c.externalId(), channel).changed()
                    : optOuts.optIn(c.externalId(), channel).changed();
            if (changed) {
                changes.add((refused.contains(channel) ? "refused " : "accepts again ") + channel);
            }
        }
        if (changes.isEmpty()) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Receivable r : owed(customerId)) {
            events.debtor(r.id(), r.stage(), "the debtor changed their contact preferences on their page: " + String.join(", ", changes), now);
        }
        audit.record(actor(c), origin, "PORTAL contact preferences", 200, String.join(", ", changes));
        return true;
    }

    // ---- contact preferences: the channel and the time of day the debtor prefers ----

    /** A period of the day the debtor may choose, in their words, e.g. "Manhã (das 8h às 12h)". */
    public record TimeChoice(String period, String words) {
    }

    /**
     * What the debtor prefers now ({@code channel} and {@code time} null when they did not say) and the
     * choices the page offers: the channels they may refuse, the periods of the policy's table.
     */
    public record ContactPreference(Channel channel, String time, List<ChannelChoice> channels, List<TimeChoice> times) {
    }

    public ContactPreference contactPreference(long customerId) {
        Customer c = receivables.customer(customerId);
        List<ChannelChoice> channels = CHANNEL_WORDS.entrySet().stream()
                .map(e -> new ChannelChoice(e.getKey(), e.getValue(), false)).toList();
        List<TimeChoice> times = policy.preferredTimes().stream()
                .map(t -> new TimeChoice(t.getPeriod(), t.getWords() + " (das " + hour(t.getFrom()) + " às " + hour(t.getTo()) + ")"))
                .toList();
        return new ContactPreference(c.preferredChannel(), c.preferredTime(), channels, times);
    }

    /**
     * The debtor says by which channel and at what time of day they prefer to hear from us (null: no
     * preference). Kept with the customer, where the rules read it at the next step; written to the
     * timeline of each debt they owe and to the audit log. A period the policy does not offer is
     * refused and nothing changes. Returns whether anything changed.
     */
    @Transactional
    public boolean prefer(long customerId, Channel channel, String time, String origin) {
        if (channel != null && !CHANNEL_WORDS.containsKey(channel)) {
            throw new InvalidInputException("canal", "must be e-mail, SMS or WhatsApp");
        }
        if (time != null && policy.preferredTimes().stream().noneMatch(t -> t.getPeriod().equals(time))) {
            throw new InvalidInputException("periodo", "must be one of the periods of the policy's preferred times of day");
        }
        Customer c = receivables.customer(customerId);
        if (java.util.Objects.equals(c.preferredChannel(), channel) && java.util.Objects.equals(c.preferredTime(), time)) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        receivables.recordPreferences(customerId, channel, time, now);
        String what = "channel " + (channel == null ? "none" : channel.name()) + ", time of day " + (time == null ? "none" : time);
        for (Receivable r : owed(customerId)) {
            events.debtor(r.id(), r.stage(), "the debtor set their preferred contact on their page: " + what, now);
        }
        audit.record(actor(c), origin, "PORTAL preferred contact", 200, what);
        return true;
    }

    private static String hour(java.time.LocalTime t) {
        return t.getMinute() == 0 ? t.getHour() + "h" : t.getHour() + "h" + String.format("%02d", t.getMinute());
    }

    // ---- end of contact preferences ----

    /** What the debtor last said about why they could not pay, if they did. */
    public Optional<NonPaymentReason> nonPaymentReason(long customerId) {
        return Optional.ofNullable(receivables.customer(customerId).nonPaymentReason());
    }

    /**
     * The debtor says why they could not pay: kept with the customer (the rules read it as
     * {@code nonPaymentReason}), in the timeline of each debt they owe and in the audit log.
     */
    @Transactional
    public void tellWhy(long customerId, NonPaymentReason reason, String origin) {
        Customer c = receivables.customer(customerId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        receivables.recordNonPaymentReason(customerId, reason, now);
        for (Receivable r : owed(customerId)) {
            events.debtor(r.id(), r.stage(), "the debtor said on their page why they could not pay: " + reason.name(), now);
        }
        audit.record(actor(c), origin, "PORTAL non-payment reason", 200, reason.name());
    }

    /** Why the debtor disputes, as the buttons of the page say it. */
    public enum DisputeReason {
        ALREADY_PAID("Já paguei"),
        NOT_RECOGNIZED("Não reconheço / valor errado");

        private final String words;

        DisputeReason(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * Opens a dispute on one of this customer's receivables, as {@code POST .../disputes} does: the
     * schedule pauses until a person decides.
     */
    public void dispute(long customerId, String reference, DisputeReason reason, String note, String origin) {
        dispute(customerId, reference, reason, note, null, origin);
    }

    /**
     * As above, with the receipt of the payment the debtor says they made ("Já paguei" only; null:
     * none). A file that is no receipt is refused before anything is written.
     */
    @Transactional
    public void dispute(long customerId, String reference, DisputeReason reason, String note, byte[] receipt, String origin) {
        if (receipt != null && reason != DisputeReason.ALREADY_PAID) {
            throw new InvalidInputException("receipt", "only \"Já paguei\" takes a receipt");
        }
        Customer c = receivables.customer(customerId);
        Receivable r = receivables.findByExternalId(reference == null ? "" : reference)
                .filter(found -> found.customerId() == customerId)
                .orElseThrow(() -> new NotFoundException("no such receivable for this customer"));
        String text = "Pelo portal: " + reason.words()
                + (note == null || note.isBlank() ? "" : ". " + note.strip().substring(0, Math.min(note.strip().length(), 500)));
        var dispute = disputes.open(r.externalId(), text, receipt);
        String attached = dispute.receipt() == null ? ""
                : ", with a receipt (" + dispute.receipt().contentType() + ", " + dispute.receipt().size() + " bytes)";
        events.debtor(r.id(), r.stage(), "the debtor opened dispute " + dispute.id() + " on their page: " + reason.words() + attached,
                OffsetDateTime.now(clock));
        audit.record(actor(c), origin, "PORTAL open dispute", 201, "dispute " + dispute.id() + " on " + r.externalId() + attached);
    }

    /**
     * The declaração de quitação of one of this customer's paid receivables, as a PDF; any other
     * receivable is not found.
     */
    @Transactional
    public byte[] declaration(long customerId, String reference, String origin) {
        Customer c = receivables.customer(customerId);
        Receivable r = receivables.findByExternalId(reference == null ? "" : reference)
                .filter(found -> found.customerId() == customerId && found.status() == ReceivableStatus.PAID)
                .orElseThrow(() -> new NotFoundException("no such paid receivable for this customer"));
        List<Payment> paid = payments.forReceivable(r.id());
        BigDecimal total = paid.stream().map(Payment::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        LocalDate paidOn = paid.stream().map(Payment::paidAt).max(Comparator.naturalOrder())
                .map(at -> at.atZoneSameInstant(clock.getZone()).toLocalDate()).orElse(null);
        OffsetDateTime now = OffsetDateTime.now(clock);
        byte[] pdf = Declarations.pdf(settings.creditor(), c, r, total, paidOn, now, clock.getZone());
        events.debtor(r.id(), r.stage(), "the debtor downloaded the declaração de quitação on their page", now);
        audit.record(actor(c), origin, "PORTAL download declaração de quitação", 200, r.externalId());
        return pdf;
    }

    /** The punctuality discount of an open debt today, if the policy grants one and the due date has not passed. */
    private static Punctuality punctuality(Receivable r, PolicyDecision decision, LocalDate today) {
        BigDecimal discount = r.ledger().punctualityDiscount(today, decision.punctualityDiscount().getRate());
        return discount.signum() > 0
                ? new Punctuality(discount, r.ledger().principalOutstanding().subtract(discount), r.dueDate()) : null;
    }

    private static String describe(Receivable r) {
        return r.description() == null || r.description().isBlank() ? "Título " + r.externalId() : r.description();
    }

    private List<Receivable> owed(long customerId) {
        List<Receivable> owed = new ArrayList<>();
        for (ReceivableStatus s : List.of(ReceivableStatus.OPEN, ReceivableStatus.IN_AGREEMENT, ReceivableStatus.DISPUTED)) {
            owed.addAll(receivables.findByCustomer(customerId, s));
        }
        return owed;
    }

    private static String actor(Customer c) {
        return "debtor " + c.externalId();
    }

    private static Agreement agreement(AgreementView a) {
        return new Agreement(a.id(), a.total(), a.installments().stream()
                .map(i -> new Installment(i.number(), i.dueDate(), i.amount(), i.paid(), i.pixCopiaECola(),
                        i.pixCopiaECola() == null ? null : QrCodes.dataUri(i.pixCopiaECola())))
                .toList(), a.kind() == br.com.regua.agreement.Offer.Kind.EXTENSION);
    }

    private String situation(Receivable r, LocalDate today) {
        return switch (r.status()) {
            case IN_AGREEMENT -> "Em acordo: pague as parcelas do acordo abaixo";
            case DISPUTED -> "Em análise: recebemos a sua contestação e a cobrança está pausada";
            default -> {
                long late = ChronoUnit.DAYS.between(r.dueDate(), today);
                String when = late < 0 ? "A vencer" : late == 0 ? "Vence hoje" : "Em atraso há " + late + (late == 1 ? " dia" : " dias");
                // a stage without words for the debtor (one an analyst added without them) shows how late the debt is
                String stage = stages.find(r.stage()).map(StageCatalog.StageInfo::debtorWords).orElse(null);
                yield stage == null ? when : when + " · " + stage;
            }
        };
    }

    private String paymentLink(String externalId) {
        String template = contact.paymentLink();
        return template == null || template.isBlank() ? null
                : template.replace("{referencia}", java.net.URLEncoder.encode(externalId, java.nio.charset.StandardCharsets.UTF_8));
    }
}
