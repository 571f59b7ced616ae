package br.com.regua.integration.webhook;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import br.com.regua.support.PostgresDatabase;

/**
 * The webhook scenarios on PostgreSQL: the claim of two workers racing meets its row locks, as two
 * server nodes would. Runs where CI sets REGUA_TEST_POSTGRES=true and the URL.
 */
@EnabledIfEnvironmentVariable(named = "REGUA_TEST_POSTGRES", matches = "true")
class WebhookPostgresIntegrationTests extends WebhookScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        PostgresDatabase.use(r);
    }
}
