package br.com.regua.contact;

import java.sql.ResultSet;
import java.sql.SQLException;

import br.com.regua.policy.Channel;

/**
 * A contact a worker has claimed: what to send, to whom, and the claim token that proves the
 * claim is still this worker's when it records the outcome. {@code stage} is a schedule message's
 * (or a thank-you's); {@code agreementId} and {@code installment} an installment reminder's;
 * {@code promiseId} a promise reminder's.
 */
public record OutgoingContact(long id, long receivableId, String idempotencyKey, String stepKey, String stage, Channel channel,
                              String recipient, String subject, String body, int attempts, String claimToken, MessageKind kind,
                              String agreementId, Integer installment, String promiseId) {

    /** A contact that is no promise reminder. */
    public OutgoingContact(long id, long receivableId, String idempotencyKey, String stepKey, String stage, Channel channel,
                           String recipient, String subject, String body, int attempts, String claimToken, MessageKind kind,
                           String agreementId, Integer installment) {
        this(id, receivableId, idempotencyKey, stepKey, stage, channel, recipient, subject, body, attempts, claimToken, kind,
                agreementId, installment, null);
    }

    /** What the message is, for people reading logs and incidents: its stage, or its kind and installment. */
    public String what() {
        if (stage != null) {
            return stage;
        }
        return installment == null ? kind.name() : kind.name() + " " + installment;
    }

    static OutgoingContact of(ResultSet rs, String claimToken) throws SQLException {
        String stage = rs.getString("stage");
        int installment = rs.getInt("installment");
        return new OutgoingContact(rs.getLong("id"), rs.getLong("receivable_id"), rs.getString("idempotency_key"),
                rs.getString("step_key"), stage, Channel.valueOf(rs.getString("channel")),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("body"), rs.getInt("attempts"), claimToken,
                MessageKind.valueOf(rs.getString("kind")), rs.getString("agreement_id"), rs.wasNull() ? null : installment, rs.getString("promise_id"));
    }
}
