package br.com.regua.payment;

public enum PaymentMethod {
    PIX, BOLETO, CARD, DEBIT, TRANSFER
}
