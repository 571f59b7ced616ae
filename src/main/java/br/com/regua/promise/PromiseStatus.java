package br.com.regua.promise;

/** Where a promise to pay stands. */
public enum PromiseStatus {
    /** Made; the promised date plus its tolerance has not passed and payments do not cover it yet. */
    OPEN,
    /** Payments since it was made covered the promised amount (within the tolerance) in time. */
    KEPT,
    /** The tolerance ended without the promised amount paid. */
    BROKEN,
    /** The receivable left collection (an agreement, a dispute, a write-off) before the promise was due: neither kept nor broken. */
    CLOSED
}
