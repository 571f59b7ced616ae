package br.com.regua.agreement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import br.com.regua.payment.PaymentMethod;

/** Agreements, their installments, receivables and payments in Régua's own tables. */
@Repository
class AgreementRepository {

    private final JdbcClient jdbc;

    AgreementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Agreement(String id, String offerHash, long customerId, AgreementStatus status, BigDecimal total, int reminderDaysBefore,
                     int graceDays, String policyVersion, String offer, OffsetDateTime createdAt, OffsetDateTime endedAt) {
    }

    record Installment(int number, LocalDate dueDate, BigDecimal amount, BigDecimal paidAmount, OffsetDateTime paidAt) {

        boolean paid() {
            return paidAt != null;
        }

        BigDecimal left() {
            return amount.subtract(paidAmount).max(BigDecimal.ZERO.setScale(2));
        }
    }

    record InstallmentPayment(String externalId, String agreementId, int installment, BigDecimal amount, PaymentMethod method,
                              OffsetDateTime paidAt, String contentHash) {
    }

    void insert(Agreement a, Offer.Kind kind, List<Offer.PlannedInstallment> installments, List<Long> receivableIds) {
        jdbc.sql("""
                insert into agreement (id, offer_hash, customer_id, status, total, reminder_days_before, grace_days, policy_version,
                                       offer, created_at, kind)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), a.offerHash(), a.customerId(), a.status().name(), a.total(), a.reminderDaysBefore(), a.graceDays(),
                        a.policyVersion(), a.offer(), a.createdAt(), kind.name())
                .update();
        for (Offer.PlannedInstallment i : installments) {
            jdbc.sql("insert into agreement_installment (agreement_id, number, due_date, amount) values (?, ?, ?, ?)")
                    .params(a.id(), i.number(), i.dueDate(), i.amount()).update();
        }
        for (Long r : receivableIds) {
            jdbc.sql("insert into agreement_receivable (agreement_id, receivable_id) values (?, ?)").params(a.id(), r).update();
        }
    }

    Optional<Agreement> find(String id) {
        return jdbc.sql("select * from agreement where id = ?").param(id).query(AgreementRepository::agreement).optional();
    }

    /** Locks the agreement until the transaction ends: its payments and its process steps run one at a time. */
    Optional<Agreement> lock(String id) {
        return jdbc.sql("select * from agreement where id = ? for update").param(id).query(AgreementRepository::agreement).optional();
    }

    List<Agreement> activeOfCustomer(long customerId) {
        return jdbc.sql("select * from agreement where customer_id = ? and status = 'ACTIVE' order by created_at")
                .param(customerId).query(AgreementRepository::agreement).list();
    }

    /** How many extensions (prorrogações) the receivable has had, whatever became of them. */
    int extensionsOf(long receivableId) {
        return jdbc.sql("""
                select count(*) from agreement a join agreement_receivable ar on ar.agreement_id = a.id
                where ar.receivable_id = ? and a.kind = 'EXTENSION'""")
                .param(receivableId).query(Integer.class).single();
    }

    Optional<Agreement> findByOfferHash(String offerHash) {
        return jdbc.sql("select * from agreement where offer_hash = ?").param(offerHash).query(AgreementRepository::agreement).optional();
    }

    List<Installment> installments(String agreementId) {
        return jdbc.sql("select * from agreement_installment where agreement_id = ? order by number").param(agreementId)
                .query((rs, n) -> new Installment(rs.getInt("number"), rs.getObject("due_date", LocalDate.class),
                        rs.getBigDecimal("amount"), rs.getBigDecimal("paid_amount"), rs.getObject("paid_at", OffsetDateTime.class)))
                .list();
    }

    /** Receivable ids of the agreement, oldest due date first: payments go to the oldest debt first. */
    List<Long> receivableIds(String agreementId) {
        return jdbc.sql("""
                select ar.receivable_id from agreement_receivable ar join receivable r on r.id = ar.receivable_id
                where ar.agreement_id = ? order by r.due_date, r.id""")
                .param(agreementId).query(Long.class).list();
    }

    void addToInstallment(String agreementId, int number, BigDecimal amount, OffsetDateTime paidAtWhenComplete) {
        jdbc.sql("""
                update agreement_installment set paid_amount = paid_amount + ?, paid_at = coalesce(paid_at, ?)
                where agreement_id = ? and number = ?""")
                .params(amount, paidAtWhenComplete, agreementId, number).update();
    }

    void end(String id, AgreementStatus status, OffsetDateTime at) {
        jdbc.sql("update agreement set status = ?, ended_at = ? where id = ?").params(status.name(), at, id).update();
    }

    Optional<InstallmentPayment> findPayment(String externalId) {
        return jdbc.sql("select * from agreement_payment where external_id = ?").param(externalId)
                .query((rs, n) -> new InstallmentPayment(rs.getString("external_id"), rs.getString("agreement_id"),
                        rs.getInt("installment"), rs.getBigDecimal("amount"), PaymentMethod.valueOf(rs.getString("method")),
                        rs.getObject("paid_at", OffsetDateTime.class), rs.getString("content_hash")))
                .optional();
    }

    void insertPayment(InstallmentPayment p, OffsetDateTime now) {
        jdbc.sql("""
                insert into agreement_payment (external_id, agreement_id, installment, content_hash, amount, method, paid_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.externalId(), p.agreementId(), p.installment(), p.contentHash(), p.amount(), p.method().name(),
                        p.paidAt(), now)
                .update();
    }

    private static Agreement agreement(ResultSet rs, int row) throws SQLException {
        return new Agreement(rs.getString("id"), rs.getString("offer_hash"), rs.getLong("customer_id"),
                AgreementStatus.valueOf(rs.getString("status")), rs.getBigDecimal("total"), rs.getInt("reminder_days_before"),
                rs.getInt("grace_days"), rs.getString("policy_version"), rs.getString("offer"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("ended_at", OffsetDateTime.class));
    }
}
