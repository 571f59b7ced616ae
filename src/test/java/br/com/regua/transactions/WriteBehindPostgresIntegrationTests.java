package br.com.regua.transactions;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The same on PostgreSQL, where the statements with one row each go together in one round trip,
 * in a schema of their own. CI sets REGUA_TEST_POSTGRES=true: there it must run.
 */
@EnabledIfEnvironmentVariable(named = "REGUA_TEST_POSTGRES", matches = "true")
class WriteBehindPostgresIntegrationTests extends WriteBehindTests {

    private static final String SCHEMA = "write_behind_check";

    @Override
    DataSource database() {
        String url = System.getenv("REGUA_TEST_DB_URL");
        DriverManagerDataSource admin = new DriverManagerDataSource(url, env("REGUA_TEST_DB_USER", "postgres"), env("REGUA_TEST_DB_PASSWORD", ""));
        new JdbcTemplate(admin).execute("drop schema if exists " + SCHEMA + " cascade; create schema " + SCHEMA);
        return new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                env("REGUA_TEST_DB_USER", "postgres"), env("REGUA_TEST_DB_PASSWORD", ""));
    }

    @AfterEach
    void dropSchema() {
        jdbc.execute("drop schema " + SCHEMA + " cascade");
    }

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }
}
