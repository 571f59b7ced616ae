package br.com.regua.integration.bureau;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import br.com.regua.monitoring.CountedGauges;
import br.com.regua.monitoring.GroupedCounts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * What operators watch of the credit bureau: {@code regua_bureau_removals_overdue}, removals not
 * confirmed by their legal deadline (an incident: alert on anything above zero), and
 * {@code regua_bureau_listings{status}}. Counted on the monitoring schedule, never per scrape.
 */
@Component
class BureauMetrics implements CountedGauges {

    private static final String[] STATUSES = {"REQUESTED", "LISTED", "REFUSED", "FAILED", "REMOVAL_REQUESTED", "REMOVED"};

    private final BureauListings listings;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong overdue = new AtomicLong();
    private final GroupedCounts byStatus;

    BureauMetrics(ObjectProvider<MeterRegistry> registries, BureauListings listings, JdbcClient jdbc, Clock clock) {
        this.listings = listings;
        this.jdbc = jdbc;
        this.clock = clock;
        MeterRegistry registry = registries.getIfAvailable();
        if (registry != null) {
            Gauge.builder("regua.bureau.removals.overdue", overdue, AtomicLong::get)
                    .description("credit bureau removals not confirmed by their deadline (STJ Súmula 548): an incident")
                    .register(registry);
        }
        this.byStatus = GroupedCounts.register(registry, "regua.bureau.listings", "credit bureau listings by status");
    }

    @Override
    public void count() {
        overdue.set(listings.overdueRemovals(LocalDate.now(clock)));
        Map<Tags, Long> counts = new LinkedHashMap<>();
        for (String status : STATUSES) {
            counts.put(Tags.of("status", status), 0L);
        }
        jdbc.sql("select status, count(*) as n from bureau_listing group by status")
                .query((RowCallbackHandler) rs -> counts.put(Tags.of("status", rs.getString("status")), rs.getLong("n")));
        byStatus.show(counts);
    }
}
