package br.com.regua.policy;

/**
 * Derived fact: the debtor hears from us at most {@code perWeek} times in any seven days, across
 * all their receivables. When several rules set one, the lowest wins.
 */
public final class ContactLimit {
    private final int perWeek;

    public ContactLimit(int perWeek) { this.perWeek = perWeek; }

    public int getPerWeek() { return perWeek; }

    @Override
    public String toString() { return "ContactLimit(" + perWeek + " a week)"; }
}
