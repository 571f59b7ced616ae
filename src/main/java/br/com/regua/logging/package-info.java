/** What Régua writes to its log: text that came from outside neutralised so it cannot forge or break a line. */
package br.com.regua.logging;
