package br.com.regua.policy;

/**
 * Table row fact: the stage keyed {@code stage} comes {@code days} days after the grace period
 * ends (the friendly reminders of {@code reminders.drl.csv}).
 */
public final class StageAfterGrace {
    private final String stage;
    private int days;

    public StageAfterGrace(String stage) {
        this.stage = stage;
    }

    public StageAfterGrace(String stage, int days) {
        this.stage = stage;
        this.days = days;
    }

    public String getStage() { return stage; }
    public int getDays() { return days; }
    public void setDays(int days) { this.days = days; }

    @Override
    public String toString() { return "StageAfterGrace(" + stage + " +" + days + ")"; }
}
