package br.com.regua.contact;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import br.com.regua.support.PostgresDatabase;

/**
 * The letter scenarios on PostgreSQL: two workers racing for the same letters meet PostgreSQL's row
 * locks, as two server nodes would, and the PDFs are kept as bytea. Runs where CI sets
 * REGUA_TEST_POSTGRES=true and the URL.
 */
@EnabledIfEnvironmentVariable(named = "REGUA_TEST_POSTGRES", matches = "true")
class LetterDeliveryPostgresIntegrationTests extends LetterScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        PostgresDatabase.use(r);
    }
}
