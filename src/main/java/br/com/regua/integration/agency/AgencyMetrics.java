package br.com.regua.integration.agency;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import br.com.regua.monitoring.CountedGauges;
import br.com.regua.monitoring.GroupedCounts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * What operators watch of the collection agencies: {@code regua_agency_placements{agency,status}}
 * (a FAILED one waits for a person; RECALL_REQUESTED ones that stay are recalls the agency does not
 * confirm). Counted on the monitoring schedule, never per scrape.
 */
@Component
class AgencyMetrics implements CountedGauges {

    private final JdbcClient jdbc;
    private final GroupedCounts byStatus;

    AgencyMetrics(ObjectProvider<MeterRegistry> registries, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.byStatus = GroupedCounts.register(registries.getIfAvailable(), "regua.agency.placements",
                "collection agency placements by agency and status");
    }

    @Override
    public void count() {
        Map<Tags, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select agency, status, count(*) as n from agency_placement group by agency, status")
                .query((RowCallbackHandler) rs -> counts.put(Tags.of("agency", rs.getString("agency"), "status", rs.getString("status")),
                        rs.getLong("n")));
        byStatus.show(counts);
    }
}
