package br.com.regua.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The settings of a test context on the PostgreSQL that CI names (REGUA_TEST_DB_URL, _USER,
 * _PASSWORD): as in production, no demo accounts, so the administrator and the creditor are set.
 * Every PostgreSQL test class shares the database, and the administrator made by the first to
 * start is kept: all of them give the same password.
 */
public final class PostgresDatabase {

    private PostgresDatabase() {
    }

    /** The administrator's password in every PostgreSQL test. */
    public static final String ADMIN_PASSWORD = "integration-test-only";

    public static void use(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", () -> System.getenv("REGUA_TEST_DB_URL"));
        r.add("spring.datasource.username", () -> env("REGUA_TEST_DB_USER", "postgres"));
        r.add("spring.datasource.password", () -> env("REGUA_TEST_DB_PASSWORD", ""));
        // a test context stays cached after its class, pool and all: a small pool that lets its connections go when
        // idle keeps a run of many PostgreSQL classes under the server's limit of connections
        r.add("spring.datasource.hikari.maximum-pool-size", () -> "5");
        r.add("spring.datasource.hikari.minimum-idle", () -> "0");
        r.add("spring.datasource.hikari.idle-timeout", () -> "10000");
        r.add("regua.security.admin.password", () -> ADMIN_PASSWORD);
        r.add("regua.creditor.name", () -> "Escola Aurora Ltda");
        r.add("regua.creditor.document", () -> "11.222.333/0001-81");
        r.add("regua.creditor.address", () -> "Rua das Flores, 100, Campinas - SP");
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null ? otherwise : value;
    }
}
