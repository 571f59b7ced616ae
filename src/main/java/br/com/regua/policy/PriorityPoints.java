package br.com.regua.policy;

/** Table row fact ({@code priority.drl.csv}): points this debtor adds to the collector queue score (negative: takes off). */
public final class PriorityPoints {
    private final int points;

    public PriorityPoints(int points) { this.points = points; }

    public int getPoints() { return points; }

    @Override
    public String toString() { return "PriorityPoints(" + points + ")"; }
}
