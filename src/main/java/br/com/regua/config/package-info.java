/**
 * Wiring: the clock, the policy loaded from the rules directory, BPMN deployed from the processes
 * directory, the limits of what a deployed process may run, and cases deleted in the engine.
 */
package br.com.regua.config;
