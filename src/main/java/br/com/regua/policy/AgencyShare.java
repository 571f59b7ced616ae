package br.com.regua.policy;

import java.math.BigDecimal;

/**
 * Table row fact ({@code agencies.drl.csv}): an external collection agency that takes a share of the
 * debts that match its row (1 = all of them). Two rows matching one debt split those debts between
 * their agencies by their shares; each debt still goes to one agency only.
 */
public final class AgencyShare {
    private final String agency;
    private BigDecimal share = BigDecimal.ONE;

    public AgencyShare(String agency) {
        this.agency = agency == null ? "" : agency.strip();
    }

    public AgencyShare(String agency, BigDecimal share) {
        this(agency);
        this.share = share;
    }

    public String getAgency() { return agency; }
    public BigDecimal getShare() { return share; }
    public void setShare(BigDecimal v) { this.share = v; }

    @Override
    public String toString() { return "AgencyShare(" + agency + ", " + share + ")"; }
}
