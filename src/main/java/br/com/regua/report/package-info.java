/**
 * Reports for credit managers and analysts: the aging of the open portfolio by the policy's
 * buckets, segment and stage, and a paged list of receivables. Figures are added up in the
 * database with the ledger's own arithmetic ({@code receivable.LedgerSql}), so a report over a
 * million receivables never loads them; the feature only reads.
 */
package br.com.regua.report;
