/**
 * Events to backends, signed as Standard Webhooks prescribes: admins register endpoints; every fact
 * the features announce is written to an outbox in the transaction that records it, and a worker
 * sends it to each endpoint that hears its type, at least once and in order per receivable, with a
 * doubling backoff, pausing an endpoint that keeps failing until an admin resumes it.
 */
@org.springframework.modulith.NamedInterface("webhook")
package br.com.regua.integration.webhook;
