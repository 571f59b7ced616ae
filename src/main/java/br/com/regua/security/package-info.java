/**
 * Who may do what: the roles (Camunda groups), the one table of endpoint roles, logins for people
 * and clients (session, HTTP Basic, bearer JWT), Camunda authorizations, and the audit log.
 */
package br.com.regua.security;
