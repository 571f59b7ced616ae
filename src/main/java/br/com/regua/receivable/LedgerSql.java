package br.com.regua.receivable;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * {@link Ledger#chargesAsOf} written as SQL, for reports that add up the charges of a whole
 * portfolio inside the database instead of loading a million ledgers into memory. The arithmetic
 * is the ledger's, step for step: the fine once on the outstanding principal, interest pro rata die
 * from the later of the due date and the last payment, divided to 10 places and rounded half up to
 * the cent like {@link Money#round}. A test holds both to the same cent.
 *
 * <p>The expressions read the columns of the {@code receivable} table under the alias given; rates
 * and the date are SQL expressions the caller builds from typed values (never from request text).
 */
public final class LedgerSql {

    /** The databases Régua runs on, which disagree on subtracting dates. */
    public enum Dialect {
        POSTGRESQL, H2;

        public static Dialect of(DataSource dataSource) {
            try (Connection c = dataSource.getConnection()) {
                String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
                return product.contains("h2") ? H2 : POSTGRESQL;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot tell which database this is", e);
            }
        }

        /** Whole days from {@code from} to {@code to}, both SQL date expressions. */
        public String daysBetween(String from, String to) {
            return this == H2 ? "datediff(day, " + from + ", " + to + ")" : "(" + to + " - " + from + ")";
        }
    }

    private final Dialect dialect;

    public LedgerSql(Dialect dialect) {
        this.dialect = dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** A date as an SQL literal. */
    public static String date(LocalDate date) {
        return "date '" + date + "'";
    }

    /** Days overdue on {@code asOf}: negative before the due date. */
    public String daysOverdue(String r, LocalDate asOf) {
        return dialect.daysBetween(r + ".due_date", date(asOf));
    }

    /** The fine owed on {@code asOf}: what partial payments left unpaid, plus the fee once the debt is overdue. */
    public String fine(String r, LocalDate asOf, String fineRate) {
        return "(" + r + ".fine_carried + case when " + r + ".due_date < " + date(asOf) + " and not " + r + ".fine_charged"
                + " then round(" + r + ".principal_outstanding * " + fineRate + ", 2) else 0 end)";
    }

    /** The interest owed on {@code asOf}: what partial payments left unpaid, plus interest since the due date or the last payment. */
    public String interest(String r, LocalDate asOf, String monthlyRate, String daysPerMonth) {
        String since = "case when " + r + ".interest_from > " + r + ".due_date then " + r + ".interest_from else " + r + ".due_date end";
        String days = "greatest(0, " + dialect.daysBetween(since, date(asOf)) + ")";
        // the dividend's scale keeps the quotient exact well past the 10 places the ledger divides to
        return "(" + r + ".interest_carried + case when " + r + ".due_date < " + date(asOf)
                + " then round(round(cast(" + r + ".principal_outstanding * " + monthlyRate + " * " + days + " as numeric(38, 20)) / "
                + daysPerMonth + ", 10), 2) else 0 end)";
    }
}
