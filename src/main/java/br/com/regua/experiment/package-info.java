/**
 * Champion/challenger: a credit manager runs a challenger policy version beside the active one (the
 * champion) on a share of the new cases, optionally of one segment, between two moments. Each new case
 * is drawn once, when it is classified, and is decided by its arm's version for all its life; the
 * experiment's report compares what the two arms recovered.
 */
package br.com.regua.experiment;
