package br.com.regua.policy;

/** Derived fact: days after the due date before anything is said about the late payment. */
public final class GracePeriod {
    private int days;

    public GracePeriod(int days) { this.days = days; }

    public int getDays() { return days; }
    public void setDays(int days) { this.days = days; }

    @Override
    public String toString() { return "GracePeriod(" + days + ")"; }
}
