/**
 * The external collection agency: when a case reaches the collection agency stage the debt — what
 * is owed today, the debtor's contacts and a summary of its history — is placed with the agency the
 * policy names; when the debt is paid, disputed or settled by agreement the agency is told to recall
 * it. A worker sends both with leases and retries, as the credit bureau's does.
 */
package br.com.regua.integration.agency;
