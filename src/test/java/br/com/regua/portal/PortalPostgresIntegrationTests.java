package br.com.regua.portal;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import br.com.regua.support.ClusterNodes;
import br.com.regua.support.PostgresDatabase;

/**
 * The portal's links, identity check, lock, revocation and actions on PostgreSQL (row locks,
 * timestamps with time zone), as production runs them. Runs where CI sets REGUA_TEST_POSTGRES=true.
 */
@EnabledIfEnvironmentVariable(named = "REGUA_TEST_POSTGRES", matches = "true")
class PortalPostgresIntegrationTests extends PortalTests {

    /** A database of its own: its delivery worker must not send the other PostgreSQL tests' queued messages. */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) throws Exception {
        PostgresDatabase.use(r);
        String url = ClusterNodes.newDatabase("portal");
        r.add("spring.datasource.url", () -> url);
        // the creditor the pages and the PIX code name, as on the embedded default the H2 run uses
        r.add("regua.creditor.document", () -> "14.572.457/0001-85");
    }
}
