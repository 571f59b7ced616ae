package br.com.regua.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PaymentRepository {

    private static final String SELECT = """
            select p.*, r.external_id as receivable_external_id
            from payment p join receivable r on r.id = p.receivable_id""";

    private final JdbcClient jdbc;

    public PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Payment> findByExternalId(String externalId) {
        return jdbc.sql(SELECT + " where p.external_id = ?").param(externalId).query(PaymentRepository::payment).optional();
    }

    public List<Payment> forReceivable(long receivableId) {
        return jdbc.sql(SELECT + " where p.receivable_id = ? order by p.paid_at, p.id").param(receivableId)
                .query(PaymentRepository::payment).list();
    }

    /** {@code stage}, {@code segment} and {@code policyNumber}: the case as the payment found it, for the recovery report. */
    public void insert(long receivableId, Payment p, String stage, String segment, int policyNumber, OffsetDateTime now) {
        jdbc.sql("""
                insert into payment (external_id, receivable_id, content_hash, amount, method, paid_at, applied_interest,
                                     applied_fine, applied_principal, excess, created_at, stage_at_payment, segment_at_payment,
                                     policy_number, punctuality_discount, agency, agency_commission_rate, agency_commission)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.externalId(), receivableId, p.contentHash(), p.amount(), p.method().name(), p.paidAt(),
                        p.appliedInterest(), p.appliedFine(), p.appliedPrincipal(), p.excess(), now, stage, segment, policyNumber,
                        p.punctualityDiscount(), p.agency(), p.agencyCommissionRate(), p.agencyCommission())
                .update();
    }

    private static Payment payment(ResultSet rs, int row) throws SQLException {
        return new Payment(rs.getString("external_id"), rs.getString("receivable_external_id"), rs.getBigDecimal("amount"),
                PaymentMethod.valueOf(rs.getString("method")), rs.getObject("paid_at", OffsetDateTime.class),
                rs.getBigDecimal("applied_interest"), rs.getBigDecimal("applied_fine"), rs.getBigDecimal("applied_principal"),
                rs.getBigDecimal("excess"), rs.getBigDecimal("punctuality_discount"), rs.getString("content_hash"),
                rs.getString("agency"), rs.getBigDecimal("agency_commission_rate"), rs.getBigDecimal("agency_commission"));
    }
}
