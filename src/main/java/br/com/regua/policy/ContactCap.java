package br.com.regua.policy;

/**
 * Table row fact ({@code compliance.drl.csv}): a debtor hears from us at most {@code perWeek} times
 * in any seven days; by state, or for every state without a row of its own.
 */
public final class ContactCap extends StateRow {
    private final int perWeek;

    public ContactCap(int perWeek) { this.perWeek = perWeek; }

    public int getPerWeek() { return perWeek; }

    @Override
    public String getTopic() { return "contacts a week"; }

    @Override
    public String toString() { return "ContactCap(" + (getState() == null ? "" : getState() + " ") + perWeek + " a week)"; }
}
