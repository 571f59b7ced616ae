package br.com.regua.receivable;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import br.com.regua.policy.CustomerType;

/** The receivable and its customer read in one query: each keeps its own id and external id. */
class ReceivableRepositoryTests {

    @Test
    void aReceivableLockedWithItsCustomerKeepsApartTheColumnsBothTablesHave() {
        ReceivableRepository repository = onANewDatabase("receivable-repository");
        OffsetDateTime now = OffsetDateTime.parse("2026-12-01T10:00:00-03:00");
        // two customers first, so the receivable's id (1) is not its customer's (2)
        repository.insertCustomer(new NewCustomer("C-OTHER", "Outra Pessoa", "39053344705", CustomerType.CONSUMER, null, null, "RJ"),
                CustomerType.CONSUMER, "39053344705", now);
        long customerId = repository.insertCustomer(new NewCustomer("C-MARIA", "Maria da Silva", "52998224725", CustomerType.CONSUMER,
                "maria@example.com", "+55 11 91234-5678", "SP"), CustomerType.CONSUMER, "52998224725", now);
        long receivableId = repository.insert(new NewReceivable("INV-1", null, new BigDecimal("1500.00"), LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 16), "Mensalidade"), customerId, "hash", now);
        assertThat(receivableId).isNotEqualTo(customerId);

        ReceivableRepository.WithCustomer read = repository.lockWithCustomer(receivableId, java.util.List.of());

        assertThat(read.receivable().id()).isEqualTo(receivableId);
        assertThat(read.receivable().externalId()).isEqualTo("INV-1");
        assertThat(read.receivable().customerId()).isEqualTo(customerId);
        assertThat(read.customer().id()).isEqualTo(customerId);
        assertThat(read.customer().externalId()).isEqualTo("C-MARIA");
        assertThat(read.customer().name()).isEqualTo("Maria da Silva");
        assertThat(read.customer().state()).isEqualTo("SP");
        assertThat(read.customer()).usingRecursiveComparison().isEqualTo(repository.customer(customerId));
        assertThat(read.receivable()).usingRecursiveComparison().isEqualTo(repository.get(receivableId));
    }

    @Test
    void valuesOfOtherTablesAreReadAlongWithTheLockedReceivable() {
        ReceivableRepository repository = onANewDatabase("receivable-repository-along");
        OffsetDateTime now = OffsetDateTime.parse("2026-12-01T10:00:00-03:00");
        long customerId = repository.insertCustomer(new NewCustomer("C-ANA", "Ana Souza", "52998224725", CustomerType.CONSUMER,
                "ana@example.com", null, "SP"), CustomerType.CONSUMER, "52998224725", now);
        long first = repository.insert(new NewReceivable("INV-A", null, new BigDecimal("100.00"), LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 16), "Primeira"), customerId, "a", now);
        repository.insert(new NewReceivable("INV-B", null, new BigDecimal("200.00"), LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 16), "Segunda"), customerId, "b", now.plusHours(1));
        ReadAlong<java.util.List<Object>> sameCustomer = new ReadAlong<>(
                "(select array_agg(o.external_id order by o.id) from receivable o where o.customer_id = c.id)", ReadAlong::array);
        ReadAlong<java.util.List<Object>> created = new ReadAlong<>(
                "(select array_agg(o.created_at order by o.id) from receivable o where o.customer_id = c.id)", ReadAlong::array);
        ReadAlong<java.util.List<Object>> none = new ReadAlong<>(
                "(select array_agg(o.external_id) from receivable o where o.customer_id = c.id and o.id < 0)", ReadAlong::array);
        ReadAlong<java.util.List<Object>> unasked = new ReadAlong<>("(select 1)", ReadAlong::array);

        ReceivableRepository.WithCustomer read = repository.lockWithCustomer(first, java.util.List.of(sameCustomer, created, none));

        assertThat(read.receivable().externalId()).isEqualTo("INV-A");
        assertThat(read.get(sameCustomer)).containsExactly("INV-A", "INV-B");
        assertThat(read.get(created)).extracting(ReadAlong::instant).extracting(OffsetDateTime::toInstant)
                .containsExactly(now.toInstant(), now.plusHours(1).toInstant());
        assertThat(read.get(none)).as("no row: an empty list, not null").isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read.get(unasked)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void receivablesInsertedTogetherAreReadTogetherTheFirstTimeOneIsLockedAndAnewOnceAsked() {
        JdbcDataSource db = newDatabase("receivable-repository-together");
        ReceivableRepository repository = new ReceivableRepository(JdbcClient.create(db), new JdbcTemplate(db));
        JdbcTemplate sql = new JdbcTemplate(db);
        OffsetDateTime now = OffsetDateTime.parse("2026-12-01T10:00:00-03:00");
        new TransactionTemplate(new DataSourceTransactionManager(db)).executeWithoutResult(status -> {
            long ana = repository.insertCustomer(new NewCustomer("C-ANA", "Ana Souza", "52998224725", CustomerType.CONSUMER,
                    "ana@example.com", null, "SP"), CustomerType.CONSUMER, "52998224725", now);
            long bia = repository.insertCustomer(new NewCustomer("C-BIA", "Bia Lima", "39053344705", CustomerType.CONSUMER,
                    "bia@example.com", null, "RJ"), CustomerType.CONSUMER, "39053344705", now);
            java.util.List<Long> ids = repository.insertAll(java.util.List.of(
                    new ReceivableRepository.NewRow(new NewReceivable("INV-1", null, new BigDecimal("100.00"), LocalDate.of(2026, 11, 1),
                            LocalDate.of(2026, 11, 16), "Primeira"), ana, "h1"),
                    new ReceivableRepository.NewRow(new NewReceivable("INV-2", null, new BigDecimal("200.50"), LocalDate.of(2026, 11, 2),
                            LocalDate.of(2026, 11, 17), "Segunda"), bia, "h2"),
                    new ReceivableRepository.NewRow(new NewReceivable("INV-3", null, new BigDecimal("300.00"), LocalDate.of(2026, 11, 3),
                            LocalDate.of(2026, 11, 18), "Terceira"), ana, "h3")), now);
            assertThat(ids).hasSize(3).doesNotHaveDuplicates();
            assertThat(ids.stream().map(repository::get).map(Receivable::externalId)).containsExactly("INV-1", "INV-2", "INV-3");
            ReadAlong<java.util.List<Object>> sameCustomer = new ReadAlong<>(
                    "(select array_agg(o.external_id order by o.id) from receivable o where o.customer_id = c.id)", ReadAlong::array);
            repository.readTogetherWhenLocked(ids);

            ReceivableRepository.WithCustomer second = repository.lockWithCustomer(ids.get(1), java.util.List.of(sameCustomer));
            assertThat(second.receivable()).usingRecursiveComparison().isEqualTo(repository.get(ids.get(1)));
            assertThat(second.customer().externalId()).isEqualTo("C-BIA");
            assertThat(second.get(sameCustomer)).containsExactly("INV-2");
            // the others were read with it: a change made since is not seen (nothing changes them before their classification)
            sql.update("update receivable set description = 'changed' where id = ?", ids.get(2));
            ReceivableRepository.WithCustomer third = repository.lockWithCustomer(ids.get(2), java.util.List.of(sameCustomer));
            assertThat(third.receivable().description()).isEqualTo("Terceira");
            assertThat(third.customer().externalId()).isEqualTo("C-ANA");
            assertThat(third.get(sameCustomer)).containsExactly("INV-1", "INV-3");
            assertThat(repository.lockWithCustomer(ids.get(0), java.util.List.of(sameCustomer)).receivable().externalId()).isEqualTo("INV-1");
            // asked for once: a receivable locked again (a case drawn to an experiment is decided twice) is read anew
            sql.update("update receivable set description = 'changed' where id = ?", ids.get(1));
            assertThat(repository.lockWithCustomer(ids.get(1), java.util.List.of(sameCustomer)).receivable().description()).isEqualTo("changed");
        });
    }

    private static ReceivableRepository onANewDatabase(String name) {
        JdbcDataSource db = newDatabase(name);
        return new ReceivableRepository(JdbcClient.create(db), new JdbcTemplate(db));
    }

    private static JdbcDataSource newDatabase(String name) {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").table("regua_schema_history").load().migrate();
        return db;
    }
}
