package br.com.regua.portal;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import br.com.regua.support.PostgresDatabase;

/**
 * The portal's links, identity check, lock, revocation and actions on PostgreSQL (row locks,
 * timestamps with time zone), as production runs them. Runs where CI sets REGUA_TEST_POSTGRES=true.
 */
@EnabledIfEnvironmentVariable(named = "REGUA_TEST_POSTGRES", matches = "true")
class PortalPostgresIntegrationTests extends PortalTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        PostgresDatabase.use(r);
    }

    @Override
    @Test
    @Disabled("its delivery worker would send the other PostgreSQL tests' queued messages; the e-mail is covered on H2")
    void theLinkInTheReminderOpensThePageOnlyForTheRightDigits() {
    }
}
