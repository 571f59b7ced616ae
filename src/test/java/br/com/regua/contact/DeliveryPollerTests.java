package br.com.regua.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The background worker of every node: when it runs, and that a full batch is followed at once by another round. */
class DeliveryPollerTests {

    private static ContactProperties settings(String poll) {
        return new Binder(new MapConfigurationPropertySource(Map.of(
                "regua.contact.delivery.poll", poll,
                "regua.contact.delivery.poll-interval", "50ms",
                "regua.contact.delivery.batch-size", "2"))).bindOrCreate("regua.contact", ContactProperties.class);
    }

    @Test
    void pollsWhileRunningAndDrainsAFullBatchAtOnce() {
        DeliveryWorker worker = mock(DeliveryWorker.class);
        when(worker.delivers()).thenReturn(true);
        when(worker.deliverDue()).thenReturn(new DeliveryWorker.Round(2, 2, 0, 0, 0), new DeliveryWorker.Round(1, 1, 0, 0, 0),
                new DeliveryWorker.Round(0, 0, 0, 0, 0));
        DeliveryPoller poller = new DeliveryPoller(worker, settings("true"));

        poller.start();
        try {
            assertThat(poller.isRunning()).isTrue();
            verify(worker, timeout(2000).atLeast(4)).deliverDue();
        } finally {
            poller.stop();
        }
        assertThat(poller.isRunning()).isFalse();
    }

    @Test
    void aFailingRoundDoesNotStopThePolling() {
        DeliveryWorker worker = mock(DeliveryWorker.class);
        when(worker.delivers()).thenReturn(true);
        when(worker.deliverDue()).thenThrow(new IllegalStateException("database down")).thenReturn(new DeliveryWorker.Round(0, 0, 0, 0, 0));
        DeliveryPoller poller = new DeliveryPoller(worker, settings("true"));

        poller.start();
        try {
            verify(worker, timeout(2000).atLeast(3)).deliverDue();
        } finally {
            poller.stop();
        }
    }

    @Test
    void doesNotRunWhenTurnedOffOrWhenNoChannelIsConfigured() throws Exception {
        DeliveryWorker off = mock(DeliveryWorker.class);
        when(off.delivers()).thenReturn(true);
        DeliveryWorker nothingToDeliver = mock(DeliveryWorker.class);
        DeliveryPoller turnedOff = new DeliveryPoller(off, settings("false"));
        DeliveryPoller noChannel = new DeliveryPoller(nothingToDeliver, settings("true"));

        turnedOff.start();
        noChannel.start();
        Thread.sleep(200);

        assertThat(turnedOff.isRunning()).isFalse();
        assertThat(noChannel.isRunning()).isFalse();
        verify(off, never()).deliverDue();
        verify(nothingToDeliver, never()).deliverDue();
    }
}
