package br.com.regua.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import br.com.regua.policy.CustomerType;
import br.com.regua.receivable.NewCustomer;
import br.com.regua.receivable.NewReceivable;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.transactions.WriteBehind;

/** When each stage was first reached, read along with the locked receivable: the first time of each, and none missed. */
class CaseEventsTests {

    static final OffsetDateTime MONDAY = OffsetDateTime.parse("2026-03-02T10:00:00-03:00");

    @Test
    void theFirstTimeOfEachStageComesFromTheEntriesReadAlongAndAnEntryStillToBeWrittenIsNotMissed() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:case-events;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").table("regua_schema_history").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        ReceivableRepository repository = new ReceivableRepository(JdbcClient.create(db), jdbc);
        WriteBehind writes = new WriteBehind(jdbc);
        CaseEvents events = new CaseEvents(JdbcClient.create(db), writes);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(db));
        long customer = repository.insertCustomer(new NewCustomer("C-1", "Maria da Silva", "52998224725", CustomerType.CONSUMER,
                "maria@example.com", null, "SP"), CustomerType.CONSUMER, "52998224725", MONDAY);
        long id = repository.insert(new NewReceivable("INV-1", null, new BigDecimal("500.00"), LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 16), "Mensalidade"), customer, "h", MONDAY);
        // the formal notice went out twice (a resumed case): its first time counts
        events.stageReached(id, "PRE_DUE_REMINDER", "day -5", MONDAY);
        events.stageReached(id, "FORMAL_NOTICE", "day 30", MONDAY.plusDays(40));
        events.stageReached(id, "FORMAL_NOTICE", "day 30", MONDAY.plusDays(90));

        Map<String, OffsetDateTime> read = transaction.execute(status -> firstReached(repository, events, id));
        assertThat(read).containsOnlyKeys("PRE_DUE_REMINDER", "FORMAL_NOTICE");
        assertThat(read.get("FORMAL_NOTICE").toInstant()).isEqualTo(MONDAY.plusDays(40).toInstant());

        // in a transaction that has reached a stage and not written it yet, the stage is there too
        Map<String, OffsetDateTime> withPending = transaction.execute(status -> {
            events.stageReached(id, "BUREAU_PRIOR_NOTICE", "day 45", MONDAY.plusDays(100));
            return firstReached(repository, events, id);
        });
        assertThat(withPending).containsKeys("PRE_DUE_REMINDER", "FORMAL_NOTICE", "BUREAU_PRIOR_NOTICE");
        assertThat(withPending.get("FORMAL_NOTICE").toInstant()).isEqualTo(MONDAY.plusDays(40).toInstant());
    }

    private static Map<String, OffsetDateTime> firstReached(ReceivableRepository repository, CaseEvents events, long id) {
        ReceivableRepository.WithCustomer locked = repository.lockWithCustomer(id, List.of(CaseEvents.STAGES_ALONG, CaseEvents.TIMES_ALONG));
        return events.firstReached(id, locked.get(CaseEvents.STAGES_ALONG), locked.get(CaseEvents.TIMES_ALONG));
    }
}
