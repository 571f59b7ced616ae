/** The REST API: JSON in and out, every error an RFC 9457 problem detail naming the field. */
package br.com.regua.api;
