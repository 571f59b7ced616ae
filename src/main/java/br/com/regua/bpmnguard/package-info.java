/**
 * What the process engine may run from a BPMN: no script, no Java class outside Régua, and
 * expressions that only name process variables and Régua's delegates. Every deployment is checked
 * before the engine reads it (whoever sends it: the processes directory, {@code /engine-rest},
 * the Modeler), and expressions resolve only Régua's delegates, never another bean of the server.
 */
package br.com.regua.bpmnguard;
