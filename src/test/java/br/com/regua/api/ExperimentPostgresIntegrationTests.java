package br.com.regua.api;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import br.com.regua.support.ClusterNodes;
import br.com.regua.support.PostgresDatabase;

/**
 * Champion/challenger on PostgreSQL, as production runs it: the draw kept with the receivable, the
 * pinned versions compiled from the store, the report's queries. Runs where CI sets REGUA_TEST_POSTGRES=true.
 */
@EnabledIfEnvironmentVariable(named = "REGUA_TEST_POSTGRES", matches = "true")
class ExperimentPostgresIntegrationTests extends ExperimentApiTests {

    /** A database of its own: an experiment draws every case classified while it runs. */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) throws Exception {
        PostgresDatabase.use(r);
        String url = ClusterNodes.newDatabase("experiments");
        r.add("spring.datasource.url", () -> url);
    }
}
