/**
 * The collection case: one process instance of {@code processes/collection.bpmn} per receivable,
 * its position in the schedule, the stages the process declares and the case's timeline. The one
 * writer of a case's position ({@link br.com.regua.cases.CollectionCases}): the schedule advances
 * it, agreements and disputes pause and resume it, payments settle it.
 */
package br.com.regua.cases;
