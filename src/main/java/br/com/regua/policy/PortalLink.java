package br.com.regua.policy;

/**
 * Derived fact: the personal link a message carries to the debtor portal opens it for
 * {@code validDays} days from the message. When several rules set one, the shortest wins.
 */
public final class PortalLink {
    private final int validDays;

    public PortalLink(int validDays) { this.validDays = validDays; }

    public int getValidDays() { return validDays; }

    @Override
    public String toString() { return "PortalLink(" + validDays + " days)"; }
}
