package br.com.regua.report;

import java.math.BigDecimal;

import br.com.regua.experiment.Experiment;

/**
 * How the two arms of a champion/challenger experiment did with the cases drawn to them, as of now:
 * each arm's figures with 95% confidence intervals, the differences with their significance, and a
 * plain sentence saying which recovers more and whether the difference is more than chance.
 *
 * @param recovery   challenger minus champion: principal recovered over principal owed, in percentage points
 * @param cure       challenger minus champion: cases paid off over cases, in percentage points
 */
public record ExperimentReport(Experiment experiment, Experiment.Status status, Arm champion, Arm challenger, Difference recovery,
                               Difference cure, String verdict) {

    /**
     * One arm: its cases and their principal; what payments recovered of it (rate in percent); the cases
     * paid off (cured, rate in percent); days from the due date to the payment that paid a case off
     * (negative: before it); what agreements and punctuality discounts gave away; the messages sent.
     */
    public record Arm(String arm, int policyVersion, long cases, BigDecimal principal, BigDecimal recovered, Estimate recoveryRate,
                      long cured, Estimate cureRate, Estimate daysToPay, BigDecimal discounts, BigDecimal waivedCharges, long messages,
                      Estimate messagesPerCase) {
    }

    /** A figure and its 95% confidence interval; all null when there are too few cases to say. */
    public record Estimate(BigDecimal value, BigDecimal low, BigDecimal high) {
        static final Estimate NONE = new Estimate(null, null, null);
    }

    /**
     * Challenger minus champion, and the two-sided p-value of a difference this large if the arms did
     * equally well; {@code significant} when below 0.05. Null figures: too few cases to compare.
     */
    public record Difference(BigDecimal points, BigDecimal pValue, Boolean significant) {
        static final Difference NONE = new Difference(null, null, null);
    }
}
