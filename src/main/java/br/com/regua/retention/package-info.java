/**
 * Retention: the messages, decisions, timeline and events of a debt that closed (paid, cancelled,
 * written off) long enough ago are purged, so Régua's own tables do not grow without bound. The
 * debt, its payments and agreements (the creditor's books) and the audit log stay.
 */
package br.com.regua.retention;
