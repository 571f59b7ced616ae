package br.com.regua.policy;

/**
 * Derived fact: one bucket of the aging report, by days overdue (days from the due date to the
 * report's date; zero or fewer: not yet due). A null bound means no limit on that side.
 */
public final class AgingBucket {
    private final String name;
    private Integer fromDay;
    private Integer toDay;

    public AgingBucket(String name) {
        this.name = name;
    }

    public AgingBucket(String name, Integer fromDay, Integer toDay) {
        this.name = name;
        this.fromDay = fromDay;
        this.toDay = toDay;
    }

    public String getName() { return name; }
    public Integer getFromDay() { return fromDay; }
    public void setFromDay(Integer fromDay) { this.fromDay = fromDay; }
    public Integer getToDay() { return toDay; }
    public void setToDay(Integer toDay) { this.toDay = toDay; }

    @Override
    public String toString() {
        return "AgingBucket(" + name + ", " + (fromDay == null ? "…" : fromDay) + " to " + (toDay == null ? "…" : toDay) + ")";
    }
}
