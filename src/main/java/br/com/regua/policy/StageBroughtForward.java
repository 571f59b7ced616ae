package br.com.regua.policy;

/**
 * Table row fact (early escalation, {@code escalation.drl.csv}): the stage keyed {@code stage}
 * comes no later than {@code day}; a step planned earlier stays where it is.
 */
public final class StageBroughtForward {
    private final String stage;
    private int day;

    public StageBroughtForward(String stage) {
        this.stage = stage;
    }

    public StageBroughtForward(String stage, int day) {
        this.stage = stage;
        this.day = day;
    }

    public String getStage() { return stage; }
    public int getDay() { return day; }
    public void setDay(int day) { this.day = day; }

    @Override
    public String toString() { return "StageBroughtForward(" + stage + " by day " + day + ")"; }
}
