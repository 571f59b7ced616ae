package br.com.regua.receivable;

public enum ReceivableStatus {
    OPEN, PAID, IN_AGREEMENT, DISPUTED, WRITTEN_OFF, CANCELLED
}
