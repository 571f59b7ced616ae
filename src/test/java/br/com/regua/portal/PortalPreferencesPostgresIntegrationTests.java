package br.com.regua.portal;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import br.com.regua.support.ClusterNodes;
import br.com.regua.support.PostgresDatabase;

/**
 * The debtor's contact preferences and dispute receipts (stored as bytea) on PostgreSQL, as
 * production runs them. Runs where CI sets REGUA_TEST_POSTGRES=true.
 */
@EnabledIfEnvironmentVariable(named = "REGUA_TEST_POSTGRES", matches = "true")
class PortalPreferencesPostgresIntegrationTests extends PortalPreferencesTests {

    /** A database of its own: its delivery worker must not send the other PostgreSQL tests' queued messages. */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) throws Exception {
        PostgresDatabase.use(r);
        String url = ClusterNodes.newDatabase("preferences");
        r.add("spring.datasource.url", () -> url);
        r.add("regua.creditor.document", () -> "14.572.457/0001-85");
    }
}
