package br.com.regua.policy;

/** Consumer (CPF, protected by the consumer code) or business (CNPJ). */
public enum CustomerType {
    CONSUMER, BUSINESS
}
