package br.com.regua.report;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import br.com.regua.security.Role;
import br.com.regua.support.ReguaSpringTests;

/**
 * A server of its own for the report tests, on its own in-memory database: a report adds up the
 * whole portfolio, so its totals are checked against exactly the receivables these tests register.
 */
abstract class ReportSpringTests extends ReguaSpringTests {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:regua-report-tests;DB_CLOSE_DELAY=-1");
    }

    /** For {@link ReportPortfolio}, which registers the portfolio through the API as a backend would. */
    TestRestTemplate backend() {
        return as(Role.INTEGRATION);
    }

    void clockAt(String isoOffsetDateTime) {
        setClock(isoOffsetDateTime);
    }
}
