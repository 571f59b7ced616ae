package br.com.regua.integration.agency;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import br.com.regua.support.PostgresDatabase;

/**
 * The collection agency scenarios on PostgreSQL: two workers racing meet its row locks, as two
 * server nodes would, and each debt reaches its agency once. Runs where CI sets
 * REGUA_TEST_POSTGRES=true and the URL.
 */
@EnabledIfEnvironmentVariable(named = "REGUA_TEST_POSTGRES", matches = "true")
class AgencyPostgresIntegrationTests extends AgencyScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        PostgresDatabase.use(r);
    }
}
