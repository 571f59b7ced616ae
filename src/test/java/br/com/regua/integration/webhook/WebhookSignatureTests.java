package br.com.regua.integration.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The signature is the one Standard Webhooks libraries compute, and the README's example verifies. */
class WebhookSignatureTests {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void signsAsTheStandardWebhooksReferenceVectorSays() {
        assertThat(WebhookSignature.sign(SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theReadmesExampleRequestVerifies() {
        String body = "{\"type\":\"stage.reached\",\"timestamp\":\"2026-03-16T11:00:00Z\","
                + "\"data\":{\"receivable\":\"INV-2026-0001\",\"stage\":\"DUE_DAY_NOTICE\",\"day\":0}}";
        assertThat(WebhookSignature.verify(SECRET, "evt_5f0c3a2e9b7d4c1a8e6f0b2d4c6a8e0f", 1773667200, body,
                "v1,05iFAtOSPNcBR1yG/R+qevUYsPuzeMCqd4OxZRSFgMg=")).isTrue();
    }

    @Test
    void aChangedBodyIdOrTimestampNoLongerVerifies() {
        String signature = WebhookSignature.sign(SECRET, "evt_1", 1773667200, "{\"a\":1}");
        assertThat(WebhookSignature.verify(SECRET, "evt_1", 1773667200, "{\"a\":2}", signature)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "evt_2", 1773667200, "{\"a\":1}", signature)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "evt_1", 1773667201, "{\"a\":1}", signature)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "evt_1", 1773667200, "{\"a\":1}", "v1,bm90IGl0 " + signature)).isTrue();
    }

    @Test
    void aNewSecretSignsAndAMalformedOneIsNamed() {
        String fresh = WebhookSignature.newSecret();
        assertThat(WebhookSignature.problem(fresh)).isNull();
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(WebhookSignature.newSecret());
        assertThat(WebhookSignature.problem("hunter2")).contains("whsec_");
        assertThat(WebhookSignature.problem("whsec_not base64!")).contains("base64");
        assertThat(WebhookSignature.problem("whsec_c2hvcnQ=")).contains("24 and 64 bytes");
    }
}
