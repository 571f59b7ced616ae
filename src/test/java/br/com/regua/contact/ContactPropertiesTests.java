package br.com.regua.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import br.com.regua.pix.PixProperties;

/** The settings as an operator writes them in application.yml or the environment. */
class ContactPropertiesTests {

    private static <T> T bind(String prefix, Class<T> type, Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate(prefix, type);
    }

    @Test
    void withNothingSetNoChannelIsOnAndTheWorkerHasItsDefaults() {
        ContactProperties p = bind("regua.contact", ContactProperties.class, Map.of());

        assertThat(p.sms().configured()).isFalse();
        assertThat(p.whatsapp().configured()).isFalse();
        assertThat(p.extraHolidays()).isEmpty();
        assertThat(p.delivery().poll()).isTrue();
        assertThat(p.delivery().maxAttempts()).isEqualTo(5);
        assertThat(p.delivery().lease()).isEqualTo(Duration.ofMinutes(2));
        assertThat(p.delivery().firstBackoff()).isEqualTo(Duration.ofMinutes(1));
        assertThat(p.delivery().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(bind("regua.pix", PixProperties.class, Map.of()).configured()).isFalse();
    }

    @Test
    void extraHolidaysAreAListOfDatesAndAGatewayIsOnOnceItHasAUrl() {
        ContactProperties p = bind("regua.contact", ContactProperties.class, Map.of(
                "regua.contact.extra-holidays", "2026-01-25,2026-07-09",
                "regua.contact.sms.url", "https://sms.example.com/send",
                "regua.contact.sms.token", "t",
                "regua.contact.delivery.first-backoff", "30s"));

        assertThat(p.extraHolidays()).containsExactly(LocalDate.of(2026, 1, 25), LocalDate.of(2026, 7, 9));
        assertThat(p.sms().configured()).isTrue();
        assertThat(p.delivery().firstBackoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.delivery().maxAttempts()).isEqualTo(5);
    }

    @Test
    void pixIsOnOnlyWithKeyNameAndCity() {
        assertThat(bind("regua.pix", PixProperties.class, Map.of("regua.pix.key", "14572457000185")).configured()).isFalse();
        PixProperties pix = bind("regua.pix", PixProperties.class, Map.of("regua.pix.key", "14572457000185",
                "regua.pix.merchant-name", "Escola Aurora", "regua.pix.merchant-city", "Campinas"));
        assertThat(pix.copiaECola(new java.math.BigDecimal("10.00"), "INV-1")).get().asString()
                .startsWith("000201").contains("540510.00", "0504INV1");
    }

    @Test
    void backoffDoublesUpToItsMaximum() {
        ContactProperties p = bind("regua.contact", ContactProperties.class, Map.of());
        DeliveryWorker worker = new DeliveryWorker(null, null, null, null, null, null, null, null, p, null);

        assertThat(worker.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(worker.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(worker.backoff(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(worker.backoff(30)).isEqualTo(Duration.ofHours(1));
    }
}
