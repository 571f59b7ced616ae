/** What every feature needs of transactions: the one retry of an insert that raced another request, a value read once per transaction, rows written in one batch before it commits, and what a transaction keeps of its own until it completes. */
package br.com.regua.transactions;
