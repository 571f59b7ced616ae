/** What every feature needs of transactions: the one retry of an insert that raced another request. */
package br.com.regua.transactions;
