package br.com.regua.receivable;

import br.com.regua.policy.Channel;
import br.com.regua.policy.CustomerType;
import br.com.regua.policy.PaymentHistory;

/**
 * A debtor as Régua knows them, with the payment history Régua kept. {@code preferredChannel} and
 * {@code preferredTime} (a period of the policy's "Preferred times of day", e.g. {@code MORNING}) are
 * the debtor's wishes, null when they expressed none: the rules follow them where the law allows.
 * {@code address} is where letters go, null when the backend sent none.
 */
public record Customer(
        long id,
        String externalId,
        String name,
        String document,
        CustomerType type,
        String email,
        String phone,
        String state,
        PaymentHistory history,
        NonPaymentReason nonPaymentReason,
        Channel preferredChannel,
        String preferredTime,
        PostalAddress address) {

    /** A customer whose postal address Régua does not know. */
    public Customer(long id, String externalId, String name, String document, CustomerType type, String email, String phone,
                    String state, PaymentHistory history, NonPaymentReason nonPaymentReason, Channel preferredChannel,
                    String preferredTime) {
        this(id, externalId, name, document, type, email, phone, state, history, nonPaymentReason, preferredChannel, preferredTime, null);
    }

    /** A customer who expressed no contact preference. */
    public Customer(long id, String externalId, String name, String document, CustomerType type, String email, String phone,
                    String state, PaymentHistory history, NonPaymentReason nonPaymentReason) {
        this(id, externalId, name, document, type, email, phone, state, history, nonPaymentReason, null, null);
    }

    /** A customer who has not told us why they could not pay. */
    public Customer(long id, String externalId, String name, String document, CustomerType type, String email, String phone,
                    String state, PaymentHistory history) {
        this(id, externalId, name, document, type, email, phone, state, history, null);
    }
}
