package br.com.regua.policy;

/**
 * What Régua knows of how a customer paid before: receivables paid on time and late, the average
 * days late over all paid receivables, agreements kept and broken.
 */
public final class PaymentHistory {

    private final int paidOnTime;
    private final int paidLate;
    private final int averageDaysLate;
    private final int agreementsKept;
    private final int agreementsBroken;

    public PaymentHistory(int paidOnTime, int paidLate, int averageDaysLate, int agreementsKept, int agreementsBroken) {
        this.paidOnTime = paidOnTime;
        this.paidLate = paidLate;
        this.averageDaysLate = averageDaysLate;
        this.agreementsKept = agreementsKept;
        this.agreementsBroken = agreementsBroken;
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
    /** True when Régua has never seen this customer pay or renegotiate. */
    public boolean isEmpty() { return getPaidCount() == 0 && agreementsKept == 0 && agreementsBroken == 0; }
}
