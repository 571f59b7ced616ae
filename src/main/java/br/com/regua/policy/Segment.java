package br.com.regua.policy;

/** Debtor segments that segmentation rules assign; every other concern decides on them. */
public enum Segment {
    NEW_CUSTOMER, GOOD_PAYER, REGULAR, RISKY
}
