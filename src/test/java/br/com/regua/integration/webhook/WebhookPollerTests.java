package br.com.regua.integration.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Each node runs the webhook worker in the background unless told not to. */
class WebhookPollerTests {

    private static WebhookProperties settings(String poll) {
        return new Binder(new MapConfigurationPropertySource(Map.of("regua.webhooks.poll", poll)))
                .bindOrCreate("regua.webhooks", WebhookProperties.class);
    }

    @Test
    void runsFromStartToStopByDefault() {
        WebhookPoller poller = new WebhookPoller(mock(WebhookWorker.class), settings("true"));
        poller.start();
        try {
            assertThat(poller.isRunning()).isTrue();
        } finally {
            poller.stop();
        }
        assertThat(poller.isRunning()).isFalse();
    }

    @Test
    void doesNotRunWhenTurnedOff() {
        WebhookPoller poller = new WebhookPoller(mock(WebhookWorker.class), settings("false"));
        poller.start();
        assertThat(poller.isRunning()).isFalse();
    }

    @Test
    void theDefaultsAreThoseTheReadmeGives() {
        WebhookProperties defaults = settings("true");
        assertThat(defaults.firstBackoff()).hasSeconds(10);
        assertThat(defaults.maxBackoff()).hasHours(1);
        assertThat(defaults.pauseAfterFailures()).isEqualTo(10);
        assertThat(defaults.pauseAfter()).hasHours(24);
        assertThat(defaults.timeout()).hasSeconds(10);
        assertThat(defaults.pollInterval()).hasSeconds(5);
    }
}
