package br.com.regua.contact;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import br.com.regua.settings.ReguaProperties;
import br.com.regua.logging.LogText;
import br.com.regua.pix.PixProperties;
import br.com.regua.policy.Channel;
import br.com.regua.policy.OfferTerms;
import br.com.regua.policy.Segment;
import br.com.regua.policy.StageKeys;
import br.com.regua.receivable.Charges;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Receivable;

/**
 * Records the messages of a case step in the outbox, in the step's transaction. The idempotency
 * key (case, step, channel) is unique: a retried step records nothing new, and two nodes racing
 * on one step collide on the constraint, so one of them rolls back and its retry finds the row.
 * Each message is rendered for its channel (an SMS is one short line) with the ways to pay, and
 * waits in the outbox, QUEUED, for the {@link DeliveryWorker}.
 */
@Service
public class ContactService {

    private static final Logger log = LoggerFactory.getLogger(ContactService.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Templates templates;
    private final ReguaProperties properties;
    private final ContactProperties contactProperties;
    private final PixProperties pix;
    private final ObjectProvider<DebtorLinks> links;
    /** The portal, looked up once rather than in the bean factory on every message. */
    private volatile Optional<DebtorLinks> portal;

    public ContactService(JdbcClient jdbc, JdbcTemplate batch, Templates templates, ReguaProperties properties,
                          ContactProperties contactProperties, PixProperties pix, ObjectProvider<DebtorLinks> links) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.links = links;
        this.templates = templates;
        this.properties = properties;
        this.contactProperties = contactProperties;
        this.pix = pix;
    }

    /**
     * A message in the outbox, as the timeline shows it; {@code stage} is null for a message that is
     * no step of the schedule (an installment reminder); {@code detail} says why it waits or failed.
     */
    public record Contact(long id, MessageKind kind, String stage, Channel channel, String recipient, String subject, String body,
                          ContactStatus status, OffsetDateTime createdAt, String detail) {
    }

    /**
     * What a step says and to whom. {@code stepKey} names the step within the case, e.g.
     * {@code FRIENDLY_REMINDER@8}; {@code segment} picks the tone (null: the stage's default).
     */
    public record Request(Receivable receivable, Customer customer, String stage, String stepKey, List<Channel> channels,
                          Charges charges, OfferTerms offer, LocalDate announcedDate, Segment segment, Integer linkDays,
                          BigDecimal punctualityRate) {

        /** A step that offers no punctuality discount. */
        public Request(Receivable receivable, Customer customer, String stage, String stepKey, List<Channel> channels,
                       Charges charges, OfferTerms offer, LocalDate announcedDate, Segment segment, Integer linkDays) {
            this(receivable, customer, stage, stepKey, channels, charges, offer, announcedDate, segment, linkDays, null);
        }

        public Request(Receivable receivable, Customer customer, String stage, String stepKey, List<Channel> channels,
                       Charges charges, OfferTerms offer, LocalDate announcedDate, Segment segment) {
            this(receivable, customer, stage, stepKey, channels, charges, offer, announcedDate, segment, null);
        }

        public Request(Receivable receivable, Customer customer, String stage, String stepKey, List<Channel> channels,
                       Charges charges, OfferTerms offer, LocalDate announcedDate) {
            this(receivable, customer, stage, stepKey, channels, charges, offer, announcedDate, null);
        }
    }

    /** Records one message per channel; returns how many were new. */
    public int record(Request request, OffsetDateTime now) {
        Receivable r = request.receivable();
        String stepKey = r.externalId() + ":" + request.stepKey();
        // the thank-you asks for nothing; a step already recorded (a retry) keeps no new link (below)
        Optional<DebtorLinks.NewLink> link = StageKeys.PAID.equals(request.stage()) ? Optional.empty()
                : portal().flatMap(p -> p.make(request.customer(), request.linkDays(), now));
        String portalLink = link.map(DebtorLinks.NewLink::url).orElse(null);
        // by the due date the punctuality discount, when the policy grants one, is what the PIX code asks for
        BigDecimal discount = r.ledger().punctualityDiscount(request.charges().asOf(), request.punctualityRate());
        Map<String, String> values = MessageValues.payment(MessageValues.of(r, request.customer(), request.charges(),
                        request.offer(), request.announcedDate(), properties.creditor()),
                pixFor(request.charges(), discount, r.externalId()), r.boletoLine(), paymentLink(r.externalId()), portalLink);
        MessageValues.punctuality(values, request.charges(), discount);
        portal().ifPresent(p -> values.put("link_dicas", p.tipsPage()));
        Templates.Message message = templates.render(request.stage(), request.segment(), values);
        // the schedule's last word, the thank-you, goes even though collection has ended
        MessageKind kind = StageKeys.PAID.equals(request.stage()) ? MessageKind.THANK_YOU : MessageKind.SCHEDULE;
        // one round trip for every channel of the step
        List<Object[]> rows = new ArrayList<>();
        for (Channel channel : request.channels()) {
            String key = stepKey + ":" + channel;
            String body = channel == Channel.SMS ? sms(request.stage(), message, values) : message.body();
            rows.add(new Object[] {r.id(), key, stepKey, kind.name(), request.stage(), channel.name(), recipient(request.customer(), channel),
                    message.subject(), body, now, now, now, key});
        }
        int[] inserted = batch.batchUpdate("""
                insert into contact (receivable_id, idempotency_key, step_key, kind, stage, channel, recipient, subject, body,
                                     status, next_attempt_at, created_at, updated_at)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?
                where not exists (select 1 from contact where idempotency_key = ?)""", rows);
        int recorded = 0;
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] == 1) {
                recorded++;
                log.info("Contact {} for {} via {} to {} queued", request.stage(), LogText.of(request.receivable().externalId()),
                        request.channels().get(i), mask(recipient(request.customer(), request.channels().get(i))));
            }
        }
        if (recorded > 0) {
            link.ifPresent(l -> l.keep().run());
        }
        return recorded;
    }

    /** An installment reminder, rendered by the agreement feature: the long text for e-mail and WhatsApp, one line for SMS. */
    public record InstallmentReminder(String agreementId, int installment, Templates.Message message, String sms) {
    }

    /**
     * Records an agreement's installment reminder once per channel, under no stage of the schedule:
     * it is delivered while its agreement is active and the installment unpaid, which the worker
     * asks {@link InstallmentStanding} at the moment of sending.
     */
    public int record(Receivable receivable, Customer customer, InstallmentReminder reminder, List<Channel> channels,
                      OffsetDateTime now) {
        String stepKey = receivable.externalId() + ":AGREEMENT-" + reminder.agreementId() + "-INSTALLMENT-" + reminder.installment();
        int recorded = 0;
        for (Channel channel : channels) {
            String key = stepKey + ":" + channel;
            String recipient = recipient(customer, channel);
            String body = channel == Channel.SMS ? reminder.sms() : reminder.message().body();
            int rows = jdbc.sql("""
                    insert into contact (receivable_id, idempotency_key, step_key, kind, agreement_id, installment, channel, recipient,
                                         subject, body, status, next_attempt_at, created_at, updated_at)
                    select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?
                    where not exists (select 1 from contact where idempotency_key = ?)""")
                    .params(receivable.id(), key, stepKey, MessageKind.INSTALLMENT_REMINDER.name(), reminder.agreementId(),
                            reminder.installment(), channel.name(), recipient, reminder.message().subject(), body, now, now, now, key)
                    .update();
            if (rows == 1) {
                recorded++;
                log.info("Reminder of installment {} of agreement {} for {} via {} to {} queued", reminder.installment(),
                        reminder.agreementId(), LogText.of(receivable.externalId()), channel, mask(recipient));
            }
        }
        return recorded;
    }

    /** A message about an agreement the debtor made (its confirmation), rendered by the agreement feature. */
    public record AgreementMessage(String agreementId, String purpose, Templates.Message message, String sms) {
    }

    /**
     * Records a message about an agreement once per channel and purpose (e.g. CONFIRMATION), under no
     * stage of the schedule: it answers the debtor's own act, so it is always delivered.
     */
    public int record(Receivable receivable, Customer customer, AgreementMessage m, List<Channel> channels, OffsetDateTime now) {
        return recordOutsideTheSchedule(receivable, customer, receivable.externalId() + ":AGREEMENT-" + m.agreementId() + "-" + m.purpose(),
                MessageKind.AGREEMENT, m.agreementId(), null, m.message(), m.sms(), channels, now,
                m.purpose() + " of agreement " + m.agreementId());
    }

    /** A promise reminder, rendered by the promise feature: the long text for e-mail and WhatsApp, one line for SMS. */
    public record PromiseReminder(String promiseId, Templates.Message message, String sms) {
    }

    /**
     * Records the reminder of a promise to pay once per channel, under no stage of the schedule: it
     * is delivered while its promise is open and not yet covered, which the worker asks
     * {@link PromiseStanding} at the moment of sending.
     */
    public int record(Receivable receivable, Customer customer, PromiseReminder reminder, List<Channel> channels, OffsetDateTime now) {
        return recordOutsideTheSchedule(receivable, customer, receivable.externalId() + ":PROMISE-" + reminder.promiseId(),
                MessageKind.PROMISE_REMINDER, null, reminder.promiseId(), reminder.message(), reminder.sms(), channels, now,
                "Reminder of promise " + reminder.promiseId());
    }

    /** One message per channel under {@code stepKey}, at most once each: the long text for e-mail and WhatsApp, one line for SMS. */
    private int recordOutsideTheSchedule(Receivable receivable, Customer customer, String stepKey, MessageKind kind, String agreementId,
                                         String promiseId, Templates.Message message, String sms, List<Channel> channels,
                                         OffsetDateTime now, String what) {
        int recorded = 0;
        for (Channel channel : channels) {
            String key = stepKey + ":" + channel;
            String recipient = recipient(customer, channel);
            String body = channel == Channel.SMS ? sms : message.body();
            int rows = jdbc.sql("""
                    insert into contact (receivable_id, idempotency_key, step_key, kind, agreement_id, promise_id, channel, recipient,
                                         subject, body, status, next_attempt_at, created_at, updated_at)
                    select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?
                    where not exists (select 1 from contact where idempotency_key = ?)""")
                    .params(receivable.id(), key, stepKey, kind.name(), agreementId, promiseId, channel.name(), recipient,
                            message.subject(), body, now, now, now, key)
                    .update();
            if (rows == 1) {
                recorded++;
                log.info("{} for {} via {} to {} queued", what, LogText.of(receivable.externalId()), channel, mask(recipient));
            }
        }
        return recorded;
    }

    public List<Contact> forReceivable(long receivableId) {
        // a letter's tracking code and return receipt are its detail, once the post has given them
        return new ArrayList<>(jdbc.sql("""
                        select c.*, l.tracking_code as letter_tracking, l.received_at as letter_received
                        from contact c left join letter l on l.contact_id = c.id where c.receivable_id = ? order by c.id""")
                .param(receivableId)
                .query((rs, n) -> new Contact(rs.getLong("id"), MessageKind.valueOf(rs.getString("kind")),
                        rs.getString("stage"),
                        Channel.valueOf(rs.getString("channel")), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), ContactStatus.valueOf(rs.getString("status")),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getString("last_error") != null ? rs.getString("last_error")
                        : Letters.tracking(rs.getString("letter_tracking"), rs.getObject("letter_received", OffsetDateTime.class))))
                .list());
    }

    /**
     * When the debtor was first proven to have {@code stage}'s message: the provider's delivery report
     * on any channel. A message only sent is not enough where the law asks for proof of delivery (the
     * credit bureau's prior notice, STJ Tema 1.315).
     */
    public Optional<OffsetDateTime> firstDelivered(long receivableId, String stage) {
        return jdbc.sql("""
                        select delivered_at from contact
                        where receivable_id = ? and stage = ? and status = 'DELIVERED' and delivered_at is not null
                        order by delivered_at limit 1""")
                .params(receivableId, stage).query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional();
    }

    /** An SMS is one short line: who writes, what about, how much, and where to pay. */
    static String sms(String stage, Templates.Message message, Map<String, String> values) {
        String who = values.get("credor") + ": " + message.subject();
        if (StageKeys.PAID.equals(stage)) {
            return who + " Ref. " + values.get("referencia") + ".";
        }
        return who + ". Ref. " + values.get("referencia") + ", total " + values.get("total") + ". " + values.get("pagamento_curto");
    }

    /** The debtor's personal link for a message, when a portal serves them. */
    public String debtorLink(Customer customer, Integer validDays, OffsetDateTime now) {
        return portal().flatMap(p -> p.issue(customer, validDays, now)).orElse(null);
    }

    private Optional<DebtorLinks> portal() {
        Optional<DebtorLinks> known = portal;
        if (known == null) {
            known = Optional.ofNullable(links.getIfAvailable());
            portal = known;
        }
        return known;
    }

    /** The PIX code for the updated amount of the message, tagged with the receivable; null when PIX is not configured. */
    private String pixFor(Charges charges, BigDecimal discount, String externalId) {
        BigDecimal amount = charges.total().subtract(discount);
        return amount.signum() > 0 ? pix.copiaECola(amount, externalId).orElse(null) : null;
    }

    private String paymentLink(String externalId) {
        String template = contactProperties.paymentLink();
        return template == null || template.isBlank() ? null
                : template.replace("{referencia}", URLEncoder.encode(externalId, StandardCharsets.UTF_8));
    }

    private static String recipient(Customer c, Channel channel) {
        return switch (channel) {
            case EMAIL -> c.email();
            case SMS, WHATSAPP -> c.phone();
            case LETTER -> null;
        };
    }

    /** Personal data stays out of logs: {@code j***@example.com}, {@code ******4321}. */
    static String mask(String recipient) {
        if (recipient == null) {
            return "postal address";
        }
        int at = recipient.indexOf('@');
        if (at > 0) {
            return recipient.charAt(0) + "***" + recipient.substring(at);
        }
        String digits = recipient.replaceAll("\\D", "");
        return digits.length() <= 4 ? "****" : "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }
}
