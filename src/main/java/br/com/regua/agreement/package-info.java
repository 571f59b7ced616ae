/**
 * Renegotiation: offers the rules allow (pay now with a discount, installment plans), signed so a
 * client cannot alter them; agreements made from an offer and followed installment by installment
 * by {@code processes/agreement.bpmn} until kept or broken; disputes that pause collection until a
 * person decides.
 */
package br.com.regua.agreement;
