package br.com.regua.contact;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import br.com.regua.config.ReguaProperties;
import br.com.regua.policy.Channel;
import br.com.regua.policy.OfferTerms;
import br.com.regua.policy.Stage;
import br.com.regua.receivable.Charges;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.Receivable;

/**
 * Records the messages of a case step in the outbox, in the step's transaction. The idempotency
 * key (case, step, channel) is unique: a retried step records nothing new, and two nodes racing
 * on one step collide on the constraint, so one of them rolls back and its retry finds the row.
 */
@Service
public class ContactService {

    private static final Logger log = LoggerFactory.getLogger(ContactService.class);

    private final JdbcClient jdbc;
    private final Templates templates;
    private final ReguaProperties properties;

    public ContactService(JdbcClient jdbc, Templates templates, ReguaProperties properties) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.properties = properties;
    }

    /** A message in the outbox, as the timeline shows it. */
    public record Contact(long id, Stage stage, Channel channel, String recipient, String subject, String body,
                          ContactStatus status, OffsetDateTime createdAt) {
    }

    /** What a step says and to whom. {@code stepKey} names the step within the case, e.g. {@code FRIENDLY_REMINDER@8}. */
    public record Request(Receivable receivable, Customer customer, Stage stage, String stepKey, List<Channel> channels,
                          Charges charges, OfferTerms offer, LocalDate bureauReportDate) {
    }

    public boolean speaksAt(Stage stage) {
        return templates.speaksAt(stage);
    }

    /** Records one message per channel; returns how many were new. */
    public int record(Request request, OffsetDateTime now) {
        Templates.Message message = templates.render(request.stage(), MessageValues.of(request.receivable(), request.customer(),
                request.charges(), request.offer(), request.bureauReportDate(), properties.creditor()));
        int recorded = 0;
        for (Channel channel : request.channels()) {
            String key = request.receivable().externalId() + ":" + request.stepKey() + ":" + channel;
            String recipient = recipient(request.customer(), channel);
            int rows = jdbc.sql("""
                    insert into contact (receivable_id, idempotency_key, stage, channel, recipient, subject, body, status,
                                         created_at, updated_at)
                    select ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?
                    where not exists (select 1 from contact where idempotency_key = ?)""")
                    .params(request.receivable().id(), key, request.stage().name(), channel.name(), recipient,
                            message.subject(), message.body(), now, now, key)
                    .update();
            if (rows == 1) {
                recorded++;
                log.info("Contact {} for {} via {} to {} queued", request.stage(), request.receivable().externalId(), channel,
                        mask(recipient));
            }
        }
        return recorded;
    }

    /**
     * Records an already rendered message (one that belongs to no stage of the schedule, such as an
     * agreement's installment reminder) once per channel; {@code stepKey} makes it unique.
     */
    public int record(Receivable receivable, Customer customer, Stage stage, String stepKey, List<Channel> channels,
                      Templates.Message message, OffsetDateTime now) {
        int recorded = 0;
        for (Channel channel : channels) {
            String key = receivable.externalId() + ":" + stepKey + ":" + channel;
            String recipient = recipient(customer, channel);
            int rows = jdbc.sql("""
                    insert into contact (receivable_id, idempotency_key, stage, channel, recipient, subject, body, status,
                                         created_at, updated_at)
                    select ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?
                    where not exists (select 1 from contact where idempotency_key = ?)""")
                    .params(receivable.id(), key, stage.name(), channel.name(), recipient, message.subject(), message.body(),
                            now, now, key)
                    .update();
            if (rows == 1) {
                recorded++;
                log.info("Contact {} for {} via {} to {} queued", stepKey, receivable.externalId(), channel, mask(recipient));
            }
        }
        return recorded;
    }

    public List<Contact> forReceivable(long receivableId) {
        return new ArrayList<>(jdbc.sql("select * from contact where receivable_id = ? order by id").param(receivableId)
                .query((rs, n) -> new Contact(rs.getLong("id"), Stage.valueOf(rs.getString("stage")),
                        Channel.valueOf(rs.getString("channel")), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), ContactStatus.valueOf(rs.getString("status")),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list());
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
