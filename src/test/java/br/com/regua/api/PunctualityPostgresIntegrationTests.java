package br.com.regua.api;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import br.com.regua.support.ClusterNodes;
import br.com.regua.support.PostgresDatabase;

/**
 * The ledger applying the punctuality discount on PostgreSQL, as production runs it: the payment by
 * the due date settling its receivable with the discount recorded (numeric columns, row locks,
 * timestamps with time zone), a day late owing the full amount, the reminder's PIX amount and the
 * recovery report's count. Runs where CI sets REGUA_TEST_POSTGRES=true.
 */
@EnabledIfEnvironmentVariable(named = "REGUA_TEST_POSTGRES", matches = "true")
class PunctualityPostgresIntegrationTests extends PunctualityApiTests {

    /** A database of its own, made again at each run: the tests register the same external ids every time. */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) throws Exception {
        PostgresDatabase.use(r);
        String url = ClusterNodes.newDatabase("punctuality");
        r.add("spring.datasource.url", () -> url);
    }
}
