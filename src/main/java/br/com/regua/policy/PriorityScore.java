package br.com.regua.policy;

/**
 * Derived fact: the collector queue score that priority rules add points to, kept within the
 * bounds a rule sets ({@link #limit}); with none set, the points as added.
 */
public final class PriorityScore {
    private int points;
    private Integer lowest;
    private Integer highest;

    public int getPoints() {
        int score = points;
        if (lowest != null) {
            score = Math.max(lowest, score);
        }
        if (highest != null) {
            score = Math.min(highest, score);
        }
        return score;
    }

    /** Adds (or, negative, takes away) points. */
    public void add(int more) { points += more; }

    /** The score never goes below {@code lowest} nor above {@code highest}. */
    public void limit(int lowest, int highest) {
        this.lowest = lowest;
        this.highest = highest;
    }

    @Override
    public String toString() { return "PriorityScore(" + getPoints() + ")"; }
}
