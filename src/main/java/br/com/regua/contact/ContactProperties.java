package br.com.regua.contact;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How contacts leave Régua. SMTP itself is Spring's {@code spring.mail.*}; a channel with no
 * configuration is not delivered (its contacts stay recorded and logged, as QUEUED).
 *
 * @param email         the sender of e-mails
 * @param sms           the HTTP gateway for SMS
 * @param whatsapp      the HTTP gateway for WhatsApp
 * @param delivery      the worker that delivers the outbox
 * @param paymentLink   a payment page for the debtor, {@code {referencia}} replaced by the receivable's external id
 * @param extraHolidays dates on which no debtor is contacted besides the national holidays (local holidays, closures)
 * @param templatesDir  a directory of message templates ({@code KEY.txt}) that add to and override the built-in ones:
 *                      where a stage an analyst added to the process finds its message
 */
@ConfigurationProperties(prefix = "regua.contact")
public record ContactProperties(
        @DefaultValue Email email,
        @DefaultValue Gateway sms,
        @DefaultValue Gateway whatsapp,
        @DefaultValue Delivery delivery,
        String paymentLink,
        List<LocalDate> extraHolidays,
        Path templatesDir) {

    public ContactProperties {
        extraHolidays = extraHolidays == null ? List.of() : List.copyOf(extraHolidays);
    }

    /** @param from the From address of every e-mail, e.g. {@code Escola Aurora <cobranca@aurora.com.br>} */
    public record Email(String from) {
    }

    /**
     * A JSON webhook gateway.
     *
     * @param url    where messages are POSTed; none means the channel is off
     * @param token  sent as {@code Authorization: Bearer <token>}
     * @param sender the sender id or number the gateway shows the debtor
     */
    public record Gateway(URI url, String token, String sender) {
        public boolean configured() {
            return url != null;
        }
    }

    /**
     * @param poll         whether this node runs the worker on a schedule (tests drive it by hand)
     * @param pollInterval pause between two rounds of the worker
     * @param batchSize    contacts claimed in one round
     * @param lease        how long a claimed contact is held before another worker may take it
     * @param maxAttempts  sends tried before a contact is FAILED
     * @param firstBackoff wait after the first failed send; it doubles after each further failure
     * @param maxBackoff   the longest wait between two tries
     * @param timeout      the longest a gateway or SMTP server may take to answer
     */
    public record Delivery(
            @DefaultValue("true") boolean poll,
            @DefaultValue("10s") Duration pollInterval,
            @DefaultValue("50") int batchSize,
            @DefaultValue("2m") Duration lease,
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("1m") Duration firstBackoff,
            @DefaultValue("1h") Duration maxBackoff,
            @DefaultValue("10s") Duration timeout) {
    }
}
