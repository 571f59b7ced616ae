/**
 * What an operator watches in Prometheus: the {@code regua_*} meters that are counted from the database
 * (cases, the outbox, the engine's jobs) are counted on a schedule of their own, never per scrape, so a
 * scrape costs nothing however large the portfolio. Each feature keeps its own meters and queries.
 */
package br.com.regua.monitoring;
