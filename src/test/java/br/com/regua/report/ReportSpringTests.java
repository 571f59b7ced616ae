package br.com.regua.report;

import java.time.OffsetDateTime;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import br.com.regua.schedule.SimulationClock;
import br.com.regua.security.Role;
import br.com.regua.support.TestUsers;

/**
 * A server of its own for the report tests, on its own in-memory database: a report adds up the
 * whole portfolio, so its totals are checked against exactly the receivables these tests register.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:regua-report-tests;DB_CLOSE_DELAY=-1",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.generate-unique-process-application-name=true",
        "camunda.bpm.job-execution.enabled=false",
        "regua.agreements.offer-secret=tests-only-offer-secret",
        "regua.pix.key=14572457000185", "regua.pix.merchant-name=Escola Aurora Ltda", "regua.pix.merchant-city=Campinas"})
@ActiveProfiles("simulation")
abstract class ReportSpringTests {

    @Autowired
    protected SimulationClock clock;
    @Autowired
    protected IdentityService identity;
    @Autowired
    private TestRestTemplate anonymous;

    protected TestRestTemplate anonymous() {
        return anonymous;
    }

    protected TestRestTemplate as(Role role) {
        return TestUsers.as(role, identity, anonymous);
    }

    protected void setClock(String isoOffsetDateTime) {
        clock.moveTo(OffsetDateTime.parse(isoOffsetDateTime).toInstant());
    }
}
