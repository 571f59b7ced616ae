/**
 * Contacts with the debtor: messages rendered from Portuguese templates with the ways to pay, kept
 * in an outbox, one per case step and channel, and delivered from it by a worker (SMTP e-mail, SMS
 * and WhatsApp gateways, letters as PDF to a print-and-post provider or into the day's batch)
 * within the contact windows, weekly limit and opt-outs the policy sets, so
 * that none is lost and none reaches the debtor twice.
 */
package br.com.regua.contact;
