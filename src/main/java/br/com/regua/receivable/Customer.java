package br.com.regua.receivable;

import br.com.regua.policy.CustomerType;
import br.com.regua.policy.PaymentHistory;

/** A debtor as Régua knows them, with the payment history Régua kept. */
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
        NonPaymentReason nonPaymentReason) {

    /** A customer who has not told us why they could not pay. */
    public Customer(long id, String externalId, String name, String document, CustomerType type, String email, String phone,
                    String state, PaymentHistory history) {
        this(id, externalId, name, document, type, email, phone, state, history, null);
    }
}
