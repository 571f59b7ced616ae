/**
 * The collector desk: what a collector sees when Tasklist opens a "Call the debtor" task (the debt broken
 * down, what was paid, agreed, promised and said, an approach script for the stage and segment) and the
 * outcome of the call they record, with its effects: a promise, a dispute, a call back at a set time.
 */
package br.com.regua.desk;
