package br.com.regua.integration.bureau;

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

/** The embedded default names no bureau: the report stage says so on the timeline and nothing is written to send. */
class BureauNotConfiguredTests extends ReguaSpringTests {

    @Autowired
    ReceivableService receivables;
    @Autowired
    CaseEvents events;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theReportStageRecordsThatNoBureauIsConfiguredAndRequestsNothing() {
        setClock("2026-04-22T10:00:00-03:00");
        receivables.register(Receivables.owing("no-bureau", "1500.00", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 17)));
        ProcessInstance pi = caseOf("no-bureau");

        walkUntilPassed(pi.getId(), "Task_ReportToBureau", 20);

        long id = receivables.get("no-bureau").id();
        assertThat(events.forReceivable(id)).extracting(e -> e.stage() + ": " + e.detail())
                .contains("BUREAU_REPORT: no credit bureau is configured: nothing was reported");
        assertThat(jdbc.sql("select count(*) from bureau_listing where receivable_id = ?").param(id).query(Long.class).single()).isZero();
    }
}
