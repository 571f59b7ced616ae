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

    @Test
    void withNothingConfiguredNoChannelIsDelivered() {
        assertThat(new ChannelSenders(properties(Map.of()), mail(false), new ObjectMapper()).channels()).isEmpty();
    }

    @Test
    void eachChannelTurnsOnWithItsOwnSettings() {
        ChannelSenders all = new ChannelSenders(properties(Map.of(
                "regua.contact.email.from", "cobranca@aurora.example",
                "regua.contact.sms.url", "https://sms.example.com/send",
                "regua.contact.whatsapp.url", "https://wa.example.com/send")), mail(true), new ObjectMapper());
        ChannelSenders smsOnly = new ChannelSenders(properties(Map.of("regua.contact.sms.url", "https://sms.example.com/send")),
                mail(false), new ObjectMapper());

        assertThat(all.channels()).containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS, Channel.WHATSAPP);
        assertThat(smsOnly.channels()).containsExactly(Channel.SMS);
        assertThat(smsOnly.of(Channel.EMAIL)).isEmpty();
    }

    @Test
    void anSmtpServerWithoutASenderAddressStopsTheStartWithTheSettingToFix() {
        assertThatThrownBy(() -> new ChannelSenders(properties(Map.of()), mail(true), new ObjectMapper()))
                .hasMessageContaining("regua.contact.email.from");
    }
}
