package br.com.regua.integration.webhook;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The webhook scenarios on PostgreSQL: the claim of two workers racing meets its row locks, as two
 * server nodes would. Runs where CI sets REGUA_TEST_POSTGRES=true and the URL.
 */
@EnabledIfEnvironmentVariable(named = "REGUA_TEST_POSTGRES", matches = "true")
class WebhookPostgresIntegrationTests extends WebhookScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", () -> System.getenv("REGUA_TEST_DB_URL"));
        r.add("spring.datasource.username", () -> env("REGUA_TEST_DB_USER", "postgres"));
        r.add("spring.datasource.password", () -> env("REGUA_TEST_DB_PASSWORD", ""));
        // no demo accounts on PostgreSQL: the administrator must be configured, as in production
        r.add("regua.security.admin.password", () -> "webhook-tests-admin-password");
        r.add("regua.creditor.name", () -> "Escola Aurora Ltda");
        r.add("regua.creditor.document", () -> "11.222.333/0001-81");
        r.add("regua.creditor.address", () -> "Rua das Flores, 100, Campinas - SP");
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null ? otherwise : value;
    }
}
