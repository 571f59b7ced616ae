package br.com.regua.policy;

/**
 * Derived fact: whether this debtor may move the due date of a receivable (a prorrogação), by how
 * many days and how many times per receivable.
 * <ul>
 * <li>{@code allowed}: false when no extension may be offered;</li>
 * <li>{@code days}: days the due date moves, counted from the receivable's own due date;</li>
 * <li>{@code maxTimes}: how many extensions one receivable may have over its life.</li>
 * </ul>
 * A policy that sets none (a version stored before extensions existed) allows no extension.
 */
public final class ExtensionTerms {
    private boolean allowed;
    private int days;
    private int maxTimes;

    public boolean isAllowed() { return allowed; }
    public void setAllowed(boolean v) { this.allowed = v; }
    public int getDays() { return days; }
    public void setDays(int v) { this.days = v; }
    public int getMaxTimes() { return maxTimes; }
    public void setMaxTimes(int v) { this.maxTimes = v; }

    @Override
    public String toString() {
        return "ExtensionTerms(allowed=" + allowed + ", days=" + days + ", maxTimes=" + maxTimes + ")";
    }
}
