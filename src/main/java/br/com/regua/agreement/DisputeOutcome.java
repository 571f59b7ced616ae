package br.com.regua.agreement;

/** What the reviewer decided: the debtor is right (the debt is cancelled or corrected), or not. */
public enum DisputeOutcome {
    UPHELD, REJECTED
}
