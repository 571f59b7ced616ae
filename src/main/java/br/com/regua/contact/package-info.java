/**
 * Contacts with the debtor: messages rendered from Portuguese templates and kept in an outbox, one
 * per case step and channel, so that none is ever sent twice.
 */
package br.com.regua.contact;
