package br.com.regua.policy;

/** Derived fact: the collector queue score (0 to 100) that priority rules add points to. */
public final class PriorityScore {
    private int points;

    public int getPoints() { return Math.max(0, Math.min(100, points)); }

    /** Adds (or, negative, takes away) points; the score stays within 0..100. */
    public void add(int more) { points += more; }

    @Override
    public String toString() { return "PriorityScore(" + getPoints() + ")"; }
}
