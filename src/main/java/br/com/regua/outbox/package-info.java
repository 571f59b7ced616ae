/**
 * What every outbox of Régua shares (the contacts to debtors, the events to backends): a row is
 * claimed with a lease so two workers never take it at once, a failed send waits a doubling backoff,
 * and a worker runs in rounds on a thread of its own.
 */
package br.com.regua.outbox;
