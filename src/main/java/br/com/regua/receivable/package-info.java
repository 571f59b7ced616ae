/**
 * Receivables (títulos) and their customers: registration with idempotency by external id, the
 * ledger of what is owed (principal, late fee, interest) and the payment history that feeds
 * segmentation.
 */
package br.com.regua.receivable;
