package br.com.regua.payment;

import java.util.Optional;

/**
 * Whether an external collection agency may have collected a payment of a receivable: it must be
 * one Régua knows and the receivable must be placed with it. Answered by the agency feature.
 */
public interface AgencyPayments {

    /** Why a payment of receivable {@code receivableId} cannot come through {@code agency}; empty when it can. */
    Optional<String> refusal(long receivableId, String agency);
}
