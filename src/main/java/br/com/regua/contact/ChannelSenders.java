package br.com.regua.contact;

import java.time.Clock;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.policy.Channel;

/**
 * The channels this server can deliver, from configuration: e-mail when Spring has a mail sender
 * ({@code spring.mail.host} set), SMS and WhatsApp when their gateway URL is set, letters always (to
 * the print-and-post provider when {@code regua.letters.url} is set, else into the daily batch). A
 * channel not listed is not delivered: its contacts stay recorded in the outbox.
 */
@Component
class ChannelSenders {

    private static final Logger log = LoggerFactory.getLogger(ChannelSenders.class);

    private final Map<Channel, ChannelSender> byChannel = new EnumMap<>(Channel.class);

    ChannelSenders(ContactProperties properties, LetterProperties letterProvider, Letters letters, Clock clock,
                   ObjectProvider<JavaMailSender> mail, ObjectMapper json) {
        JavaMailSender mailSender = mail.getIfAvailable();
        if (mailSender != null) {
            String from = properties.email().from();
            if (from == null || from.isBlank()) {
                throw new IllegalStateException("spring.mail.host is set: set regua.contact.email.from too (the From of every e-mail)");
            }
            add(new EmailSender(mailSender, from));
        }
        if (properties.sms().configured()) {
            add(new GatewaySender(Channel.SMS, properties.sms(), properties.delivery().timeout(), json));
        }
        if (properties.whatsapp().configured()) {
            add(new GatewaySender(Channel.WHATSAPP, properties.whatsapp(), properties.delivery().timeout(), json));
        }
        // letters always go somewhere: to the provider, or into the day's batch someone downloads and posts
        add(letterProvider.configured() ? new LetterSender(letterProvider, letters, properties.delivery().timeout(), json)
                : new BatchLetterSender(letters, clock));
        log.info(byChannel.isEmpty() ? "No contact channel configured: contacts are recorded and logged, not delivered"
                : "Contacts delivered through {}", byChannel.keySet());
    }

    private void add(ChannelSender sender) {
        byChannel.put(sender.channel(), sender);
    }

    Set<Channel> channels() {
        return Collections.unmodifiableSet(byChannel.keySet());
    }

    Optional<ChannelSender> of(Channel channel) {
        return Optional.ofNullable(byChannel.get(channel));
    }
}
