/**
 * The debtor portal: the personal link every message carries (an opaque token, kept only as its
 * digest, tied to one customer, expiring when the policy says and revoked once the customer's
 * cases have all ended), the identity check before anything shows, and what the debtor sees and
 * does there: what they owe with the charges broken down, how to pay, the offers the rules allow,
 * a dispute. Every action goes through the feature that owns it, as the API's would.
 */
package br.com.regua.portal;
