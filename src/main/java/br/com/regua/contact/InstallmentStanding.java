package br.com.regua.contact;

/**
 * Whether an installment reminder is still wanted when the worker is about to send it. The
 * agreement feature answers it (it owns agreements, and depends on this package, not the reverse).
 */
public interface InstallmentStanding {

    /** True while the agreement is active and installment {@code number} is not paid. */
    boolean awaited(String agreementId, int number);
}
