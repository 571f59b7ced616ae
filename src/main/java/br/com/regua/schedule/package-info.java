/**
 * The collection schedule: starts one {@code collection} process instance per receivable, and,
 * when the BPMN reaches a stage, evaluates the policy on the facts of the moment, carries the stage
 * out and plans the exact date of the next step.
 */
package br.com.regua.schedule;
