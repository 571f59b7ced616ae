/**
 * How a feature refuses a request: not found, conflict, invalid input naming the field, cannot act.
 * Features throw these; {@code api} turns them into problem details. Nothing here knows HTTP.
 */
package br.com.regua.errors;
