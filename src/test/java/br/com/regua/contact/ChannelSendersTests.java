package br.com.regua.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.policy.Channel;

/** Which channels a server delivers, from its configuration alone. */
class ChannelSendersTests {

    private static ContactProperties properties(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("regua.contact", ContactProperties.class);
    }

    // Spring creates a mail sender only when spring.mail.host is set
    private static ObjectProvider<JavaMailSender> mail(boolean hostSet) {
        Map<String, Object> beans = new HashMap<>();
        if (hostSet) {
            beans.put("mailSender", new JavaMailSenderImpl());
        }
        return new StaticListableBeanFactory(beans).getBeanProvider(JavaMailSender.class);
    }

    private static ChannelSenders senders(ContactProperties properties, ObjectProvider<JavaMailSender> mail) {
        return senders(properties, new LetterProperties(null, null), mail);
    }

    private static ChannelSenders senders(ContactProperties properties, LetterProperties letters, ObjectProvider<JavaMailSender> mail) {
        return new ChannelSenders(properties, letters, null, java.time.Clock.systemUTC(), mail, new ObjectMapper());
    }

    @Test
    void withNothingConfiguredOnlyLettersAreDeliveredIntoTheDailyBatch() {
        ChannelSenders none = senders(properties(Map.of()), mail(false));

        assertThat(none.channels()).containsExactly(Channel.LETTER);
        assertThat(none.of(Channel.LETTER)).containsInstanceOf(BatchLetterSender.class);
    }

    @Test
    void aLetterProviderTakesTheLettersInsteadOfTheBatch() {
        ChannelSenders posted = senders(properties(Map.of()),
                new LetterProperties(java.net.URI.create("https://cartas.example.com/v1/letters"), "t"), mail(false));

        assertThat(posted.of(Channel.LETTER)).containsInstanceOf(LetterSender.class);
    }

    @Test
    void eachChannelTurnsOnWithItsOwnSettings() {
        ChannelSenders all = senders(properties(Map.of(
                "regua.contact.email.from", "cobranca@aurora.example",
                "regua.contact.sms.url", "https://sms.example.com/send",
                "regua.contact.whatsapp.url", "https://wa.example.com/send")), mail(true));
        ChannelSenders smsOnly = senders(properties(Map.of("regua.contact.sms.url", "https://sms.example.com/send")), mail(false));

        assertThat(all.channels()).containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS, Channel.WHATSAPP, Channel.LETTER);
        assertThat(smsOnly.channels()).containsExactlyInAnyOrder(Channel.SMS, Channel.LETTER);
        assertThat(smsOnly.of(Channel.EMAIL)).isEmpty();
    }

    @Test
    void anSmtpServerWithoutASenderAddressStopsTheStartWithTheSettingToFix() {
        assertThatThrownBy(() -> senders(properties(Map.of()), mail(true)))
                .hasMessageContaining("regua.contact.email.from");
    }
}
