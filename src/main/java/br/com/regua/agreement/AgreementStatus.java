package br.com.regua.agreement;

public enum AgreementStatus {
    ACTIVE, KEPT, BROKEN
}
