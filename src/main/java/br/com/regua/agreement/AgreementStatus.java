package br.com.regua.agreement;

public enum AgreementStatus {
    ACTIVE, KEPT, BROKEN,
    /** Its process instance was deleted in the engine from outside Régua; its receivables are cancelled. */
    CANCELLED
}
