/**
 * Facts a backend may want to hear of, as the features announce them: a small Spring application
 * event, published synchronously inside the transaction that records the fact, so whoever listens
 * (the webhook outbox) writes in that same transaction: no event for a fact rolled back, no fact
 * without its event. The features know nothing of who listens.
 */
package br.com.regua.events;
