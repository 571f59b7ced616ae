package br.com.regua.report;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import br.com.regua.support.ClusterNodes;
import br.com.regua.support.PostgresDatabase;

/**
 * The recovery report's queries on PostgreSQL, as production runs them (the last message before
 * each payment, timestamps with time zone, the period's bounds in the server's zone). Runs where
 * CI sets REGUA_TEST_POSTGRES=true.
 */
@EnabledIfEnvironmentVariable(named = "REGUA_TEST_POSTGRES", matches = "true")
class RecoveryReportPostgresIntegrationTests extends RecoveryReportApiTests {

    /** A database of its own: the report adds up all of it, and its delivery worker must not send other tests' messages. */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) throws Exception {
        PostgresDatabase.use(r);
        String url = ClusterNodes.newDatabase("recovery");
        r.add("spring.datasource.url", () -> url);
    }
}
