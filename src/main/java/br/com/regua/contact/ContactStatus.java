package br.com.regua.contact;

public enum ContactStatus {
    QUEUED, DEFERRED, SENT, DELIVERED, FAILED
}
