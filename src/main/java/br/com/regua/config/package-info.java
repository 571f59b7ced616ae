/** Wiring: the clock, the policy loaded from the rules directory, BPMN deployed from the processes directory. */
package br.com.regua.config;
