package br.com.regua.contact;

/**
 * What a message is for, which decides until when it may still be delivered: a message waits in
 * the outbox (contact hours, the weekly limit, a retry), and what was right to say when it was
 * recorded may be wrong by the time it goes.
 */
public enum MessageKind {

    /** A stage of the collection schedule: only while the receivable is still being collected. */
    SCHEDULE,
    /** The reminder before an agreement's installment: only while the agreement is active and that installment unpaid. */
    INSTALLMENT_REMINDER,
    /** The reminder the day before a promised payment: only while the promise is open and not yet covered by payments. */
    PROMISE_REMINDER,
    /** Thanks for a payment: always, it never asks for anything. */
    THANK_YOU,
    /** About an agreement the debtor made (its confirmation, its terms): always, it answers the debtor's own act. */
    AGREEMENT,
    /** About a dispute the debtor opened (received, resolved): always, it answers the debtor's own act. */
    DISPUTE
}
