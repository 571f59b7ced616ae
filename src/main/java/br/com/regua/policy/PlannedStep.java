package br.com.regua.policy;

/**
 * Derived fact: the case goes through the stage keyed {@code stage} (a stage of the collection
 * process, e.g. {@code "FORMAL_NOTICE"}) on {@code day}, counted from the due date
 * (negative: before it). Rules insert, move ({@code modify}) or drop ({@code delete}) steps; the
 * schedule then waits for the first step after the one the case is at.
 */
public final class PlannedStep {
    private final String stage;
    private int day;

    public PlannedStep(String stage, int day) {
        this.stage = stage;
        this.day = day;
    }

    public String getStage() { return stage; }
    public int getDay() { return day; }
    public void setDay(int day) { this.day = day; }

    @Override
    public String toString() { return stage + "@" + day; }
}
