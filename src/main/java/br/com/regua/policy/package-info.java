/**
 * The policy: facts about a collection case are evaluated by the Drools rules of the active
 * policy version (files in the rules directory) in a stateless session; Java holds only the
 * mechanism, the rules hold every number, rate and segment.
 */
package br.com.regua.policy;
