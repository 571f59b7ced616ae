/** What every feature needs of transactions: the one retry of an insert that raced another request, a value read once per transaction. */
package br.com.regua.transactions;
