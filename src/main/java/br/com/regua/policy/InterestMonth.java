package br.com.regua.policy;

/** Table row fact ({@code compliance.drl.csv}): interest runs pro rata die over months of this many days. */
public final class InterestMonth {
    private final int days;

    public InterestMonth(int days) { this.days = days; }

    public int getDays() { return days; }

    @Override
    public String toString() { return "InterestMonth(" + days + " days)"; }
}
