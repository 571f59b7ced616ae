package br.com.regua.report;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import br.com.regua.receivable.LedgerSql;

/**
 * The ledger's charges in SQL on PostgreSQL, in a schema of their own so the server tests' tables
 * in the same database are left alone. CI sets REGUA_TEST_POSTGRES=true: there it must run.
 */
@EnabledIfEnvironmentVariable(named = "REGUA_TEST_POSTGRES", matches = "true")
class LedgerSqlPostgresIntegrationTests extends LedgerSqlScenarios {

    private static final String SCHEMA = "ledger_sql_check";
    private static SingleConnectionDataSource postgres;

    @BeforeAll
    static void ownSchema() {
        String url = System.getenv("REGUA_TEST_DB_URL");
        DriverManagerDataSource admin = new DriverManagerDataSource(url, env("REGUA_TEST_DB_USER", "postgres"), env("REGUA_TEST_DB_PASSWORD", ""));
        new JdbcTemplate(admin).execute("create schema if not exists " + SCHEMA);
        // one connection for the whole class: thousands of inserts, each on a new connection, would take minutes
        postgres = new SingleConnectionDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                env("REGUA_TEST_DB_USER", "postgres"), env("REGUA_TEST_DB_PASSWORD", ""), true);
    }

    @AfterAll
    static void dropSchema() {
        new JdbcTemplate(postgres).execute("drop schema " + SCHEMA + " cascade");
        postgres.destroy();
    }

    @Override
    DataSource dataSource() {
        return postgres;
    }

    @Override
    LedgerSql.Dialect dialect() {
        return LedgerSql.Dialect.POSTGRESQL;
    }

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }
}
