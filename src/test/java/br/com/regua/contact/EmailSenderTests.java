package br.com.regua.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import br.com.regua.policy.Channel;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** E-mail through a real SMTP server running in the test JVM. */
class EmailSenderTests {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private static final String BODY = """
            Olá, Maria da Silva.

            Não identificamos o pagamento de Mensalidade de março (referência INV-9).

            Valor atualizado em 15/04/2026:
            - Valor principal: R$ 1.500,00
            - Total: R$ 1.545,00

            Como pagar o total de R$ 1.545,00:
            - PIX copia e cola: 00020126360014br.gov.bcb.pix0114145724570001855204000053039865407
            - Pela internet: https://pagar.example.com/INV-9""";

    private EmailSender sender() {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(SMTP.getSmtp().getPort());
        Properties p = new Properties();
        p.put("mail.smtp.timeout", "5000");
        mail.setJavaMailProperties(p);
        return new EmailSender(mail, "Escola Aurora <cobranca@aurora.example>");
    }

    private static OutgoingContact contact(String key, String to) {
        return new OutgoingContact(7, 1, key, "INV-9:FRIENDLY_REMINDER@3", "FRIENDLY_REMINDER", Channel.EMAIL, to,
                "Lembrete de pagamento: Mensalidade de março", BODY, 0, "claim", MessageKind.SCHEDULE, null, null);
    }

    @Test
    void theDebtorGetsAPortugueseEmailWithTextAndHtmlPartsSayingTheSame() throws Exception {
        String messageId = sender().send(contact("INV-9:FRIENDLY_REMINDER@3:EMAIL", "maria@example.com"));

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo("Lembrete de pagamento: Mensalidade de março");
        assertThat(m.getFrom()[0].toString()).contains("cobranca@aurora.example");
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("maria@example.com");
        assertThat(m.getMessageID()).isEqualTo(messageId).endsWith("@aurora.example>");

        Multipart alternative = alternativeOf(m);
        String text = (String) alternative.getBodyPart(0).getContent();
        String html = (String) alternative.getBodyPart(1).getContent();
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(text.replace("\r\n", "\n")).isEqualTo(BODY);
        assertThat(html).contains("Olá, Maria da Silva.", "<li>Total: R$ 1.545,00</li>",
                "00020126360014br.gov.bcb.pix0114145724570001855204000053039865407</code>",
                "<a href=\"https://pagar.example.com/INV-9\">");
    }

    // multipart/mixed (attachments) wrapping multipart/related wrapping multipart/alternative
    private static Multipart alternativeOf(MimeMessage m) throws Exception {
        Multipart part = (Multipart) m.getContent();
        while (!part.getContentType().toLowerCase().startsWith("multipart/alternative")) {
            part = (Multipart) part.getBodyPart(0).getContent();
        }
        return part;
    }

    @Test
    void theSameContactSentAgainCarriesTheSameMessageIdSoMailSystemsSeeOneMessage() throws Exception {
        EmailSender sender = sender();
        String first = sender.send(contact("INV-9:FRIENDLY_REMINDER@3:EMAIL", "maria@example.com"));
        String again = sender.send(contact("INV-9:FRIENDLY_REMINDER@3:EMAIL", "maria@example.com"));
        String otherStep = sender.send(contact("INV-9:FRIENDLY_REMINDER@10:EMAIL", "maria@example.com"));

        assertThat(again).isEqualTo(first);
        assertThat(otherStep).isNotEqualTo(first);
        assertThat(SMTP.getReceivedMessages()).extracting(MimeMessage::getMessageID).containsExactly(first, first, otherStep);
    }

    @Test
    void anUnreachableSmtpServerIsWorthAnotherTryAnInvalidAddressIsNot() {
        JavaMailSenderImpl nowhere = new JavaMailSenderImpl();
        nowhere.setHost("127.0.0.1");
        nowhere.setPort(1); // nothing listens there
        EmailSender down = new EmailSender(nowhere, "cobranca@aurora.example");

        assertThatThrownBy(() -> down.send(contact("k:EMAIL", "maria@example.com")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isFalse());
        assertThatThrownBy(() -> sender().send(contact("k:EMAIL", "not an address")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isTrue());
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }
}
