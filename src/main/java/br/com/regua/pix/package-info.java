/**
 * PIX "copia e cola" codes (BR Code, EMV QR) for an amount and a reference: what messages, offers
 * and installments print for the debtor to pay. Depends on no feature.
 */
package br.com.regua.pix;
