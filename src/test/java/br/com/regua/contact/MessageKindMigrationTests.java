package br.com.regua.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database from before messages had kinds: the migration gives each contact already in the
 * outbox its kind, and an installment reminder its agreement and installment, read from its key,
 * so a reminder still queued is judged by its own rule once the server is upgraded.
 */
class MessageKindMigrationTests {

    private static final String AGREEMENT = "3f1c2a9e-5b7d-4e21-9c0a-7d6e5f4b3a21";

    @Test
    void contactsRecordedBeforeTheUpgradeGetTheirKind() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:message-kind-migration;MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        JdbcClient jdbc = JdbcClient.create(db);
        flyway(db, "6").migrate();
        jdbc.sql("""
                insert into customer (external_id, name, document, customer_type, created_at)
                values ('c-1', 'Maria da Silva', '52998224725', 'CONSUMER', current_timestamp)""").update();
        jdbc.sql("""
                insert into receivable (external_id, customer_id, content_hash, principal, issue_date, due_date, principal_outstanding,
                                        interest_from, status, stage, created_at, updated_at)
                values ('r-1', 1, 'h', 1500.00, date '2026-03-01', date '2026-03-16', 1500.00, date '2026-03-16', 'IN_AGREEMENT',
                        'RENEGOTIATION_OFFER', current_timestamp, current_timestamp)""").update();
        contact(jdbc, "r-1:FRIENDLY_REMINDER@3:EMAIL", "FRIENDLY_REMINDER", "EMAIL");
        contact(jdbc, "r-1:PAID:SMS", "PAID", "SMS");
        contact(jdbc, "r-1:AGREEMENT-" + AGREEMENT + "-INSTALLMENT-2:EMAIL", "RENEGOTIATION_OFFER", "EMAIL");
        contact(jdbc, "r-1:AGREEMENT-" + AGREEMENT + "-INSTALLMENT-12:WHATSAPP", "RENEGOTIATION_OFFER", "WHATSAPP");

        flyway(db, "7").migrate();

        Map<String, Map<String, Object>> rows = new java.util.HashMap<>();
        jdbc.sql("select idempotency_key, kind, stage, agreement_id, installment from contact").query().listOfRows()
                .forEach(r -> rows.put((String) r.get("IDEMPOTENCY_KEY"), r));
        assertThat(rows.get("r-1:FRIENDLY_REMINDER@3:EMAIL")).containsEntry("KIND", "SCHEDULE").containsEntry("STAGE", "FRIENDLY_REMINDER");
        assertThat(rows.get("r-1:PAID:SMS")).containsEntry("KIND", "THANK_YOU").containsEntry("STAGE", "PAID");
        assertThat(rows.get("r-1:AGREEMENT-" + AGREEMENT + "-INSTALLMENT-2:EMAIL")).containsEntry("KIND", "INSTALLMENT_REMINDER")
                .containsEntry("AGREEMENT_ID", AGREEMENT).containsEntry("INSTALLMENT", 2).containsEntry("STAGE", null);
        assertThat(rows.get("r-1:AGREEMENT-" + AGREEMENT + "-INSTALLMENT-12:WHATSAPP")).containsEntry("KIND", "INSTALLMENT_REMINDER")
                .containsEntry("AGREEMENT_ID", AGREEMENT).containsEntry("INSTALLMENT", 12);
    }

    private static Flyway flyway(JdbcDataSource db, String target) {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration").table("regua_schema_history").target(target)
                .load();
    }

    private static void contact(JdbcClient jdbc, String key, String stage, String channel) {
        jdbc.sql("""
                insert into contact (receivable_id, idempotency_key, stage, channel, recipient, subject, body, status, created_at,
                                     updated_at)
                values (1, ?, ?, ?, 'maria@example.com', 'Assunto', 'Texto', 'QUEUED', current_timestamp, current_timestamp)""")
                .params(key, stage, channel).update();
    }
}
