package br.com.regua.contact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import br.com.regua.policy.Channel;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mail through SMTP (Spring's {@code spring.mail.*}): a plain-text part, the message as
 * recorded, and an HTML part drawn from it. The Message-ID is derived from the idempotency key, so
 * a message sent again after a crash carries the same id and mail systems treat it as the same.
 */
class EmailSender implements ChannelSender {

    private final JavaMailSender mail;
    private final InternetAddress from;

    EmailSender(JavaMailSender mail, String from) {
        this.mail = mail;
        try {
            this.from = new InternetAddress(from, true);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalStateException("regua.contact.email.from is not an e-mail address: " + from, e);
        }
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String send(OutgoingContact contact) throws DeliveryException {
        String messageId = messageId(contact.idempotencyKey(), from.getAddress());
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper m = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            m.setFrom(from);
            m.setTo(new InternetAddress(contact.recipient(), true));
            m.setSubject(contact.subject());
            m.setText(contact.body(), EmailHtml.of(contact.subject(), contact.body()));
            // Spring keeps a Message-ID set before sending instead of generating a new one
            message.setHeader("Message-ID", messageId);
            message.setHeader("X-Regua-Contact", contact.idempotencyKey());
            mail.send(message);
            return messageId;
        } catch (jakarta.mail.internet.AddressException | MailParseException e) {
            throw new DeliveryException("invalid e-mail address", true, e);
        } catch (MessagingException e) {
            throw new DeliveryException("the e-mail could not be built", true, e);
        } catch (MailSendException e) {
            // the server's own words may quote the address: they stay out of the record and the logs
            boolean refused = e.getFailedMessages().values().stream().anyMatch(EmailSender::recipientRefused);
            throw new DeliveryException(refused ? "the SMTP server refused the recipient" : "the SMTP server did not take the message",
                    refused, e);
        } catch (MailAuthenticationException e) {
            // a configuration problem: retrying lets an operator fix it before the contact fails
            throw new DeliveryException("SMTP authentication failed", false, e);
        } catch (MailException e) {
            throw new DeliveryException("the SMTP server is unavailable", false, e);
        }
    }

    // a 5xx for the recipient (unknown mailbox) will not change on a retry
    private static boolean recipientRefused(Exception e) {
        return e instanceof SendFailedException s && s.getInvalidAddresses() != null && s.getInvalidAddresses().length > 0;
    }

    static String messageId(String idempotencyKey, String fromAddress) {
        String domain = fromAddress.substring(fromAddress.indexOf('@') + 1);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + ".regua@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
