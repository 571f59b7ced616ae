/**
 * Promises to pay: a debtor's word, given to a collector or through the backend, to pay an amount
 * by a date. The rules bound it (how many per case, how far ahead) and set its tolerance; while it
 * is open the case holds its escalation, a reminder goes the day before, and
 * {@code processes/promise.bpmn} closes it as kept when payments cover it or as broken when the
 * tolerance ends, which the customer's history counts.
 */
package br.com.regua.promise;
