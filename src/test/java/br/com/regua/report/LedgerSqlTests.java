package br.com.regua.report;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import br.com.regua.receivable.LedgerSql;

/** The ledger's charges in SQL on H2, the embedded database. */
class LedgerSqlTests extends LedgerSqlScenarios {

    private static final DataSource H2 = new SingleConnectionDataSource("jdbc:h2:mem:ledger-sql;DB_CLOSE_DELAY=-1", true);

    @Override
    DataSource dataSource() {
        return H2;
    }

    @Override
    LedgerSql.Dialect dialect() {
        return LedgerSql.Dialect.H2;
    }
}
