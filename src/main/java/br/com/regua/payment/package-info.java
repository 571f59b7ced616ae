/** Payments: idempotent by external id, applied to the ledger; one that settles the balance ends the case. */
package br.com.regua.payment;
