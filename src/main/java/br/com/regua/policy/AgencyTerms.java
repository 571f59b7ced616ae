package br.com.regua.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * What the policy says of a debt and the external collection agencies: which agencies share it
 * ({@code agencies.drl.csv}) and the commission an agency keeps of what it recovers at the debt's
 * age ({@code agency-commission.drl.csv}); null when no row gives one.
 */
public record AgencyTerms(List<AgencyShare> shares, BigDecimal commissionRate, List<String> rulesFired) {

    /**
     * The one agency of the shares that takes the debt {@code key}: the key falls at a fixed point of
     * 0–100 (its hash), and the shares, in the order of their names, cover that range in proportion
     * to their sizes. The same debt always goes to the same agency; over many debts each agency gets
     * its share. Empty when no row named an agency.
     */
    public Optional<String> agencyFor(String key) {
        List<AgencyShare> named = shares.stream().filter(s -> !s.getAgency().isEmpty() && s.getShare().signum() > 0)
                .sorted(java.util.Comparator.comparing(AgencyShare::getAgency)).toList();
        if (named.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal total = named.stream().map(AgencyShare::getShare).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal point = BigDecimal.valueOf(Math.floorMod(key.hashCode(), 10_000)).movePointLeft(4).multiply(total);
        BigDecimal upTo = BigDecimal.ZERO;
        for (AgencyShare s : named) {
            upTo = upTo.add(s.getShare());
            if (point.compareTo(upTo) < 0) {
                return Optional.of(s.getAgency());
            }
        }
        return Optional.of(named.get(named.size() - 1).getAgency());
    }

    /** The shares as a person reads them: "alfa 50% beta 50%", by name; "none". */
    public String sharesText() {
        List<AgencyShare> named = shares.stream().filter(s -> !s.getAgency().isEmpty())
                .sorted(java.util.Comparator.comparing(AgencyShare::getAgency)).toList();
        return named.isEmpty() ? "none" : String.join(" ", named.stream()
                .map(s -> s.getAgency() + " " + s.getShare().movePointRight(2).setScale(0, RoundingMode.HALF_EVEN).toPlainString() + "%")
                .toList());
    }
}
