package br.com.regua.policy;

/** How a message reaches the debtor. */
public enum Channel {
    EMAIL, SMS, WHATSAPP, LETTER
}
