package br.com.regua.contact;

import br.com.regua.policy.Channel;
import br.com.regua.policy.Stage;

/**
 * A contact a worker has claimed: what to send, to whom, and the claim token that proves the
 * claim is still this worker's when it records the outcome.
 */
public record OutgoingContact(long id, long receivableId, String idempotencyKey, String stepKey, Stage stage, Channel channel,
                              String recipient, String subject, String body, int attempts, String claimToken) {
}
