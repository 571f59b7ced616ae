package br.com.regua.contact;

import static br.com.regua.support.RecordingGateway.hang;
import static br.com.regua.support.RecordingGateway.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.policy.Channel;
import br.com.regua.support.RecordingGateway;

/** SMS and WhatsApp through a real HTTP gateway on the loopback, including its failures. */
class GatewaySenderTests {

    private static final RecordingGateway GATEWAY = new RecordingGateway();

    private final GatewaySender sms = new GatewaySender(Channel.SMS,
            new ContactProperties.Gateway(GATEWAY.url("/sms"), "s3cret", "REGUA"), Duration.ofMillis(700), new ObjectMapper());

    @AfterAll
    static void stop() {
        GATEWAY.close();
    }

    @BeforeEach
    void reset() {
        GATEWAY.reset();
    }

    private static OutgoingContact contact() {
        return new OutgoingContact(42, 1, "INV-9:DUE_DAY_NOTICE@0:SMS", "INV-9:DUE_DAY_NOTICE@0", "DUE_DAY_NOTICE", Channel.SMS,
                "+55 11 98765-4321", "Mensalidade: vencimento em 16/03/2026",
                "Escola Aurora: Mensalidade: vencimento em 16/03/2026. Ref. INV-9, total R$ 1.500,00.", 0, "claim", MessageKind.SCHEDULE, null, null);
    }

    @Test
    void aMessageIsPostedAsJsonWithTheIdempotencyKeyAndTheToken() throws Exception {
        String providerId = sms.send(contact());

        assertThat(providerId).startsWith("gw-");
        RecordingGateway.Received r = GATEWAY.received("/sms").get(0);
        assertThat(r.idempotencyKey()).isEqualTo("INV-9:DUE_DAY_NOTICE@0:SMS");
        assertThat(r.authorization()).isEqualTo("Bearer s3cret");
        assertThat(r.body().get("to").asText()).isEqualTo("+5511987654321");
        assertThat(r.body().get("from").asText()).isEqualTo("REGUA");
        assertThat(r.body().get("channel").asText()).isEqualTo("SMS");
        assertThat(r.body().get("text").asText()).isEqualTo(contact().body());
        assertThat(r.body().get("reference").asText()).isEqualTo("42");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 408, 429})
    void aGatewayInTroubleIsTriedAgainLater(int status) {
        GATEWAY.answerNext(status(status));

        assertThatThrownBy(() -> sms.send(contact()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isFalse())
                .hasMessageContaining(String.valueOf(status));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 404, 422})
    void aMessageTheGatewayRefusesIsNotTriedAgain(int status) {
        GATEWAY.answerNext(status(status));

        assertThatThrownBy(() -> sms.send(contact()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isTrue());
    }

    @Test
    void aGatewayThatDoesNotAnswerInTimeIsTriedAgainLater() {
        GATEWAY.answerNext(hang(Duration.ofSeconds(3)));
        long started = System.nanoTime();

        assertThatThrownBy(() -> sms.send(contact()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isFalse())
                .hasMessageContaining("did not answer");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void anUnreachableGatewayIsTriedAgainLater() {
        GatewaySender nowhere = new GatewaySender(Channel.WHATSAPP, new ContactProperties.Gateway(
                java.net.URI.create("http://127.0.0.1:1/whatsapp"), null, "REGUA"), Duration.ofMillis(700), new ObjectMapper());

        assertThatThrownBy(() -> nowhere.send(contact()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isFalse());
    }

    @Test
    void phonesGoOutInInternationalFormat() {
        assertThat(GatewaySender.phoneE164("+55 11 98765-4321")).isEqualTo("+5511987654321");
        assertThat(GatewaySender.phoneE164("(11) 98765-4321")).isEqualTo("+5511987654321");
        assertThat(GatewaySender.phoneE164("5511987654321")).isEqualTo("+5511987654321");
    }
}
