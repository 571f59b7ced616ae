package br.com.regua.receivable;

public enum ReceivableStatus {
    OPEN, PAID, IN_AGREEMENT, DISPUTED, WRITTEN_OFF, CANCELLED;

    /** Nothing more will happen to the debt: paid, cancelled or written off. Its retention period runs from then. */
    public boolean closed() {
        return this == PAID || this == CANCELLED || this == WRITTEN_OFF;
    }
}
