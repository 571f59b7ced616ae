package br.com.regua.integration.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import br.com.regua.cases.CaseEvents;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.support.Receivables;
import br.com.regua.support.ReguaSpringTests;

/** The embedded default names no agency: the agency stage says so on the timeline and nothing is written to send. */
class AgencyNotConfiguredTests extends ReguaSpringTests {

    @Autowired
    ReceivableService receivables;
    @Autowired
    CaseEvents events;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theAgencyStageRecordsThatNoAgencyIsConfiguredAndPlacesNothing() {
        setClock("2026-04-22T10:00:00-03:00");
        receivables.register(Receivables.owing("no-agency", "1500.00", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 17)));
        ProcessInstance pi = caseOf("no-agency");

        long id = receivables.get("no-agency").id();
        walkUntil(pi.getId(), () -> events.forReceivable(id).stream()
                .anyMatch(e -> e.kind() == CaseEvents.Kind.STAGE && "COLLECTION_AGENCY".equals(e.stage())), "the agency stage", 40);

        assertThat(events.forReceivable(id)).extracting(e -> e.stage() + ": " + e.detail())
                .contains("COLLECTION_AGENCY: no collection agency is configured: the debt was not placed");
        assertThat(jdbc.sql("select count(*) from agency_placement where receivable_id = ?").param(id).query(Long.class).single()).isZero();
    }
}
