package br.com.regua.retention;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import br.com.regua.support.ClusterNodes;
import br.com.regua.support.PostgresDatabase;

/** The purge on PostgreSQL, on a database of its own: the clock goes years ahead. */
@EnabledIfEnvironmentVariable(named = "REGUA_TEST_POSTGRES", matches = "true")
class RetentionPostgresIntegrationTests extends RetentionScenarios {

    @DynamicPropertySource
    static void postgresOfItsOwn(DynamicPropertyRegistry r) throws Exception {
        PostgresDatabase.use(r);
        String url = ClusterNodes.newDatabase("retention");
        r.add("spring.datasource.url", () -> url);
    }
}
