package br.com.regua.policy;

/**
 * Table row fact: the schedule tables ({@code reminders.drl.csv}, {@code escalation.drl.csv}) plan
 * the stage keyed {@code stage} on {@code day} after the due date (negative: before it). The logic
 * files turn it into a {@link PlannedStep}, so that a rule may still move or drop the step.
 */
public final class StageDay {
    private final String stage;
    private int day;

    public StageDay(String stage) {
        this.stage = stage;
    }

    public StageDay(String stage, int day) {
        this.stage = stage;
        this.day = day;
    }

    public String getStage() { return stage; }
    public int getDay() { return day; }
    public void setDay(int day) { this.day = day; }

    @Override
    public String toString() { return "StageDay(" + stage + "@" + day + ")"; }
}
