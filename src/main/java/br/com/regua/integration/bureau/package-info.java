/**
 * The credit bureau (negativação) within the law: when a case reaches the bureau report stage a
 * listing request is written in the step's transaction; a worker sends it only if, at that moment,
 * the prior notice was delivered and its waiting period has passed and nothing holds the debt
 * (dispute, agreement, promise, a balance the policy does not report), and asks for its removal as
 * soon as the debt is paid or cancelled, watching the five business days the law gives.
 */
package br.com.regua.integration.bureau;
