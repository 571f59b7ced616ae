package br.com.regua.policy;

import java.time.LocalDate;

/**
 * What Régua knows of how a customer paid before: receivables paid on time and late, the average
 * days late over all paid receivables, agreements kept and broken, and when the last one was broken;
 * promises to pay kept and broken.
 */
public final class PaymentHistory {

    private final int paidOnTime;
    private final int paidLate;
    private final int averageDaysLate;
    private final int agreementsKept;
    private final int agreementsBroken;
    private final LocalDate lastAgreementBrokenOn;
    private final int promisesKept;
    private final int promisesBroken;

    public PaymentHistory(int paidOnTime, int paidLate, int averageDaysLate, int agreementsKept, int agreementsBroken) {
        this(paidOnTime, paidLate, averageDaysLate, agreementsKept, agreementsBroken, null);
    }

    public PaymentHistory(int paidOnTime, int paidLate, int averageDaysLate, int agreementsKept, int agreementsBroken,
                          LocalDate lastAgreementBrokenOn) {
        this(paidOnTime, paidLate, averageDaysLate, agreementsKept, agreementsBroken, lastAgreementBrokenOn, 0, 0);
    }

    public PaymentHistory(int paidOnTime, int paidLate, int averageDaysLate, int agreementsKept, int agreementsBroken,
                          LocalDate lastAgreementBrokenOn, int promisesKept, int promisesBroken) {
        this.promisesKept = promisesKept;
        this.promisesBroken = promisesBroken;
        this.paidOnTime = paidOnTime;
        this.paidLate = paidLate;
        this.averageDaysLate = averageDaysLate;
        this.agreementsKept = agreementsKept;
        this.agreementsBroken = agreementsBroken;
        this.lastAgreementBrokenOn = lastAgreementBrokenOn;
    }

    public static PaymentHistory none() {
        return new PaymentHistory(0, 0, 0, 0, 0);
    }

    public int getPaidOnTime() { return paidOnTime; }
    public int getPaidLate() { return paidLate; }
    public int getPaidCount() { return paidOnTime + paidLate; }
    public int getAverageDaysLate() { return averageDaysLate; }
    public int getAgreementsKept() { return agreementsKept; }
    public int getAgreementsBroken() { return agreementsBroken; }
    /** The day the customer last broke an agreement, or null. */
    public LocalDate getLastAgreementBrokenOn() { return lastAgreementBrokenOn; }
    public int getPromisesKept() { return promisesKept; }
    public int getPromisesBroken() { return promisesBroken; }
    /** True when Régua has never seen this customer pay, renegotiate or promise to pay. */
    public boolean isEmpty() {
        return getPaidCount() == 0 && agreementsKept == 0 && agreementsBroken == 0 && promisesKept == 0 && promisesBroken == 0;
    }
}
