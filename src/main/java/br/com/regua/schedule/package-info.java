/**
 * The collection schedule: what the BPMN calls at each stage. It evaluates the policy on the facts
 * of the moment, carries the stage out, plans the exact date of the next step and asks the case
 * ({@link br.com.regua.cases.CollectionCases}) to advance; the what-if of a policy over the portfolio.
 */
package br.com.regua.schedule;
