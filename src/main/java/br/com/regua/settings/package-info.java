/**
 * Régua's own settings ({@code regua.*}: the creditor, the directories, the time zone) that every
 * feature may read; it depends on no feature.
 */
package br.com.regua.settings;
