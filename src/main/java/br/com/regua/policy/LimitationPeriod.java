package br.com.regua.policy;

/** Table row fact ({@code compliance.drl.csv}): no step is planned after this day from the due date (the debt is time-barred). */
public final class LimitationPeriod {
    private final int lastDay;

    public LimitationPeriod(int lastDay) { this.lastDay = lastDay; }

    public int getLastDay() { return lastDay; }

    @Override
    public String toString() { return "LimitationPeriod(day " + lastDay + ")"; }
}
