package br.com.regua.receivable;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import br.com.regua.policy.Channel;
import br.com.regua.policy.CustomerType;
import br.com.regua.policy.PaymentHistory;
import br.com.regua.policy.Segment;
import br.com.regua.transactions.TransactionBound;

/** Customers and receivables in Régua's own tables. */
@Repository
public class ReceivableRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public ReceivableRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public Optional<Customer> findCustomer(String externalId) {
        return jdbc.sql("select * from customer where external_id = ?").param(externalId).query(ReceivableRepository::customer).optional();
    }

    public Customer customer(long id) {
        return jdbc.sql("select * from customer where id = ?").param(id).query(ReceivableRepository::customer).single();
    }

    public long insertCustomer(NewCustomer c, CustomerType type, String document, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into customer (external_id, name, document, customer_type, email, phone, state, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.externalId(), c.name(), document, type.name(), c.email(), c.phone(), c.state(), now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (c.address() != null) {
            updateAddress(id, c.address());
        }
        return id;
    }

    /** The address the backend sent replaces the one stored; one left out keeps it. */
    public void updateAddress(long customerId, PostalAddress address) {
        PostalAddress a = address.normalized();
        jdbc.sql("""
                update customer set address_street = ?, address_number = ?, address_complement = ?, address_district = ?,
                       address_city = ?, address_state = ?, address_postal_code = ? where id = ?""")
                .params(a.street(), a.number(), a.complement(), a.district(), a.city(), a.state(), a.postalCode(), customerId)
                .update();
    }

    /** Latest contact details win: the backend knows the debtor's current e-mail and phone. */
    public void updateCustomerContact(long id, NewCustomer c) {
        jdbc.sql("update customer set name = ?, email = ?, phone = ?, state = ? where id = ?")
                .params(c.name(), c.email(), c.phone(), c.state(), id).update();
    }

    /**
     * The debtor's contact preferences as they are now (either may be null: no wish); from the
     * debtor's page, or from the backend when it sends them.
     */
    public void recordPreferences(long customerId, Channel channel, String time, OffsetDateTime at) {
        jdbc.sql("update customer set preferred_channel = ?, preferred_time = ?, preferences_at = ? where id = ?")
                .params(channel == null ? null : channel.name(), time, at, customerId).update();
    }

    public void recordPaid(long customerId, int daysLate) {
        jdbc.sql("""
                update customer set paid_on_time = paid_on_time + ?, paid_late = paid_late + ?,
                       total_days_late = total_days_late + ? where id = ?""")
                .params(daysLate <= 0 ? 1 : 0, daysLate > 0 ? 1 : 0, Math.max(0, daysLate), customerId).update();
    }

    public void recordAgreementKept(long customerId) {
        jdbc.sql("update customer set agreements_kept = agreements_kept + 1 where id = ?").param(customerId).update();
    }

    public void recordPromiseKept(long customerId) {
        jdbc.sql("update customer set promises_kept = promises_kept + 1 where id = ?").param(customerId).update();
    }

    public void recordPromiseBroken(long customerId) {
        jdbc.sql("update customer set promises_broken = promises_broken + 1 where id = ?").param(customerId).update();
    }

    public void recordAgreementBroken(long customerId, LocalDate on) {
        jdbc.sql("update customer set agreements_broken = agreements_broken + 1, last_agreement_broken_on = ? where id = ?")
                .params(on, customerId).update();
    }

    /** The customer's receivables in {@code status}, oldest due date first. */
    public List<Receivable> findByCustomer(long customerId, ReceivableStatus status) {
        return jdbc.sql("select * from receivable where customer_id = ? and status = ? order by due_date, id")
                .params(customerId, status.name()).query(ReceivableRepository::receivable).list();
    }

    /** A principal corrected after an upheld dispute: charges carried on the wrong amount are dropped. */
    public void correctPrincipal(long id, BigDecimal principal, BigDecimal outstanding, OffsetDateTime now) {
        jdbc.sql("update receivable set principal = ?, principal_outstanding = ?, fine_carried = 0, interest_carried = 0, "
                + "updated_at = ? where id = ?").params(principal, outstanding, now, id).update();
    }

    public Optional<Receivable> findByExternalId(String externalId) {
        return jdbc.sql("select * from receivable where external_id = ?").param(externalId).query(ReceivableRepository::receivable).optional();
    }

    public Receivable get(long id) {
        return jdbc.sql("select * from receivable where id = ?").param(id).query(ReceivableRepository::receivable).single();
    }

    /** Locks the row until the transaction ends: payments and steps of one case run one at a time. */
    public Receivable lock(long id) {
        return jdbc.sql("select * from receivable where id = ? for update").param(id).query(ReceivableRepository::receivable).single();
    }

    /** A receivable and its customer, with the values read along with them. */
    public record WithCustomer(Receivable receivable, Customer customer, Map<ReadAlong<?>, Object> along) {

        @SuppressWarnings("unchecked")
        public <T> T get(ReadAlong<T> value) {
            if (!along.containsKey(value)) {
                throw new IllegalArgumentException("not read along with the receivable: " + value.sql());
            }
            return (T) along.get(value);
        }
    }

    /**
     * Locks the receivable as {@link #lock} does and reads its customer and the values {@code along},
     * in one round trip: every step of the schedule starts with them. The receivable's columns come
     * first, so where both tables have a column of one name (id, external_id) the receivable's is read
     * by name; the customer's id and external id are read under aliases.
     */
    public WithCustomer lockWithCustomer(long id, List<ReadAlong<?>> along) {
        ReadTogether together = (ReadTogether) TransactionSynchronizationManager.getResource(this);
        if (together != null) {
            WithCustomer read = together.read.remove(id);
            if (read != null && read.along().keySet().equals(Set.copyOf(along))) {
                return read;
            }
            if (together.waiting.remove(id)) {
                List<Long> ids = new ArrayList<>();
                ids.add(id);
                ids.addAll(together.waiting);
                together.waiting.clear();
                for (WithCustomer w : lockWithCustomer(ids, along)) {
                    together.read.put(w.receivable().id(), w);
                }
                return together.read.remove(id);
            }
        }
        return lockWithCustomer(List.of(id), along).get(0);
    }

    private List<WithCustomer> lockWithCustomer(List<Long> ids, List<ReadAlong<?>> along) {
        StringBuilder sql = new StringBuilder("select r.*, c.*, c.id as customer_row_id, c.external_id as customer_row_external_id");
        for (int i = 0; i < along.size(); i++) {
            sql.append(", ").append(along.get(i).sql()).append(" as along_").append(i);
        }
        sql.append(" from receivable r join customer c on c.id = r.customer_id where r.id in (:ids) for update of r");
        List<WithCustomer> read = jdbc.sql(sql.toString()).param("ids", ids)
                .query((rs, n) -> {
                    Map<ReadAlong<?>, Object> values = new HashMap<>();
                    for (int i = 0; i < along.size(); i++) {
                        values.put(along.get(i), along.get(i).reader().read(rs, "along_" + i));
                    }
                    return new WithCustomer(receivable(rs, n), customer(rs, "customer_row_id", "customer_row_external_id"), values);
                })
                .list();
        if (read.size() != ids.size()) {
            throw new EmptyResultDataAccessException("no receivable with one of the ids " + ids, ids.size());
        }
        return read;
    }

    /**
     * Receivables this transaction inserted, read together the first time one of them is locked
     * ({@link #lockWithCustomer}): the classifications of an intake chunk's hundred new cases then read
     * their receivables, customers and values along in one query, not one each. A row this transaction
     * inserted is its own until it commits, and nothing changes it before its case is classified; a
     * receivable read again (a case drawn to an experiment) is read anew.
     */
    public void readTogetherWhenLocked(Collection<Long> ids) {
        if (ids.size() < 2 || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        // a transaction of its own started inside this one reads for itself
        ReadTogether together = TransactionBound.get(this, ReadTogether::new, null);
        together.waiting.addAll(ids);
    }

    /** What {@link #readTogetherWhenLocked} keeps for a transaction: ids not read yet, and rows read and not asked for yet. */
    private static final class ReadTogether {
        final Set<Long> waiting = new LinkedHashSet<>();
        final Map<Long, WithCustomer> read = new HashMap<>();
    }

    /** One receivable; an intake chunk inserts its own together ({@link #insertAll}). */
    public long insert(NewReceivable r, long customerId, String contentHash, OffsetDateTime now) {
        return insertAll(List.of(new NewRow(r, customerId, contentHash)), now).get(0);
    }

    /** A receivable to insert with {@link #insertAll}: the request, its customer's row and its content hash. */
    public record NewRow(NewReceivable request, long customerId, String contentHash) {
    }

    /**
     * Inserts new receivables in one batch, which the postgres profile's driver sends as multi-row
     * inserts, and reads their ids back in one query: an intake chunk's hundred receivables cost two
     * statements, not a hundred. Returns the ids in the order of {@code rows}.
     */
    public List<Long> insertAll(List<NewRow> rows, OffsetDateTime now) {
        if (rows.isEmpty()) {
            return List.of();
        }
        batch.batchUpdate("""
                insert into receivable (external_id, customer_id, content_hash, principal, issue_date, due_date, description,
                    principal_outstanding, interest_from, status, stage, boleto_line, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', 'REGISTERED', ?, ?, ?)""",
                rows.stream().map(row -> {
                    NewReceivable r = row.request();
                    return new Object[] {r.externalId(), row.customerId(), row.contentHash(), r.amount(), r.issueDate(), r.dueDate(),
                            r.description(), r.amount(), r.dueDate(), r.boletoLine() == null ? null : r.boletoLine().strip(), now, now};
                }).toList());
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select id, external_id from receivable where external_id in (:ids)")
                .param("ids", rows.stream().map(row -> row.request().externalId()).toList())
                .query((rs, n) -> ids.put(rs.getString("external_id"), rs.getLong("id"))).list();
        return rows.stream().map(row -> ids.get(row.request().externalId())).toList();
    }

    /** Case ids of many receivables in one round trip (receivable id to case id). */
    public void setCaseIds(Map<Long, String> caseIds) {
        if (!caseIds.isEmpty()) {
            batch.batchUpdate("update receivable set case_id = ? where id = ?",
                    caseIds.entrySet().stream().map(e -> new Object[] {e.getValue(), e.getKey()}).toList());
        }
    }

    public List<Receivable> findByIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of()
                : jdbc.sql("select * from receivable where id in (:ids)").param("ids", ids).query(ReceivableRepository::receivable).list();
    }

    public List<Receivable> findByExternalIds(Collection<String> externalIds) {
        return externalIds.isEmpty() ? List.of()
                : jdbc.sql("select * from receivable where external_id in (:ids)").param("ids", externalIds)
                        .query(ReceivableRepository::receivable).list();
    }

    public List<Customer> findCustomers(Collection<String> externalIds) {
        return externalIds.isEmpty() ? List.of()
                : jdbc.sql("select * from customer where external_id in (:ids)").param("ids", externalIds)
                        .query(ReceivableRepository::customer).list();
    }

    public void updateLedger(long id, Ledger l, ReceivableStatus status, OffsetDateTime now) {
        jdbc.sql("""
                update receivable set principal_outstanding = ?, fine_carried = ?, interest_carried = ?, fine_charged = ?,
                       interest_from = ?, status = ?, updated_at = ?, """ + CLOSED_AT + " where id = ?")
                .params(l.principalOutstanding(), l.fineCarried(), l.interestCarried(), l.fineCharged(), l.interestFrom(),
                        status.name(), now, status.closed(), now, id)
                .update();
    }

    public void updateStatus(long id, ReceivableStatus status, OffsetDateTime now) {
        jdbc.sql("update receivable set status = ?, updated_at = ?, " + CLOSED_AT + " where id = ?")
                .params(status.name(), now, status.closed(), now, id).update();
    }

    /**
     * When the debt closed (its first closing, if it moves from one closed status to another), or
     * null while owed; parameters: whether the new status is closed, and now.
     */
    private static final String CLOSED_AT = "closed_at = case when ? then coalesce(closed_at, ?) else null end";

    /** Open receivables after {@code afterId} in id order: a page of a walk over the whole portfolio. */
    public List<Receivable> openAfter(long afterId, int limit) {
        return jdbc.sql("select * from receivable where status = 'OPEN' and id > ? order by id fetch first " + limit + " rows only")
                .param(afterId).query(ReceivableRepository::receivable).list();
    }

    /** Customers by id, for a page of receivables. */
    public Map<Long, Customer> customers(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Customer> customers = new HashMap<>();
        jdbc.sql("select * from customer where id in (:ids)").param("ids", ids).query(ReceivableRepository::customer).list()
                .forEach(c -> customers.put(c.id(), c));
        return customers;
    }

    /** What the debtor said on their page about why they could not pay; the latest answer stands. */
    public void recordNonPaymentReason(long customerId, NonPaymentReason reason, OffsetDateTime at) {
        jdbc.sql("update customer set nonpayment_reason = ?, nonpayment_reason_at = ? where id = ?")
                .params(reason.name(), at, customerId).update();
    }

    private static Customer customer(ResultSet rs, int row) throws SQLException {
        return customer(rs, "id", "external_id");
    }

    private static Customer customer(ResultSet rs, String idColumn, String externalIdColumn) throws SQLException {
        int paid = rs.getInt("paid_on_time") + rs.getInt("paid_late");
        PaymentHistory history = new PaymentHistory(rs.getInt("paid_on_time"), rs.getInt("paid_late"),
                paid == 0 ? 0 : Math.round((float) rs.getInt("total_days_late") / paid),
                rs.getInt("agreements_kept"), rs.getInt("agreements_broken"), rs.getObject("last_agreement_broken_on", LocalDate.class),
                rs.getInt("promises_kept"), rs.getInt("promises_broken"));
        return new Customer(rs.getLong(idColumn), rs.getString(externalIdColumn), rs.getString("name"), rs.getString("document"),
                CustomerType.valueOf(rs.getString("customer_type")), rs.getString("email"), rs.getString("phone"),
                rs.getString("state"), history,
                rs.getString("nonpayment_reason") == null ? null : NonPaymentReason.valueOf(rs.getString("nonpayment_reason")),
                rs.getString("preferred_channel") == null ? null : Channel.valueOf(rs.getString("preferred_channel")),
                rs.getString("preferred_time"), address(rs));
    }

    private static PostalAddress address(ResultSet rs) throws SQLException {
        String postalCode = rs.getString("address_postal_code");
        return postalCode == null ? null : new PostalAddress(rs.getString("address_street"), rs.getString("address_number"),
                rs.getString("address_complement"), rs.getString("address_district"), rs.getString("address_city"),
                rs.getString("address_state"), postalCode);
    }

    private static Receivable receivable(ResultSet rs, int row) throws SQLException {
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        Ledger ledger = new Ledger(due, rs.getBigDecimal("principal_outstanding"), rs.getBigDecimal("fine_carried"),
                rs.getBigDecimal("interest_carried"), rs.getBoolean("fine_charged"), rs.getObject("interest_from", LocalDate.class));
        String segment = rs.getString("segment");
        return new Receivable(rs.getLong("id"), rs.getString("external_id"), rs.getLong("customer_id"), rs.getString("content_hash"),
                rs.getBigDecimal("principal"), rs.getObject("issue_date", LocalDate.class), due, rs.getString("description"),
                ledger, ReceivableStatus.valueOf(rs.getString("status")), rs.getString("stage"),
                (Integer) rs.getObject("last_step_day"), segment == null ? null : Segment.valueOf(segment),
                rs.getString("next_stage"), rs.getObject("next_step_at", OffsetDateTime.class), rs.getString("case_id"),
                rs.getInt("paused_days"), ReachedDays.parse(rs.getString("reached_days")),
                rs.getString("boleto_line"), rs.getObject("held_until", OffsetDateTime.class),
                rs.getObject("policy_version", Integer.class));
    }

    /** How many receivables are at each stage in each status: one grouped count, for the monitoring gauges. */
    public List<StageCount> countByStageAndStatus() {
        return jdbc.sql("select stage, status, count(*) as n from receivable group by stage, status")
                .query((rs, n) -> new StageCount(rs.getString("stage"), rs.getString("status"), rs.getLong("n"))).list();
    }

    /** A number of receivables at one stage in one status. */
    public record StageCount(String stage, String status, long count) {
    }
}
