package br.com.regua.receivable;

/** Why a debtor says they could not pay (the debtor's page asks, optionally), with the words the page shows. */
public enum NonPaymentReason {
    LOST_INCOME("Perdi renda ou o emprego"),
    FORGOT("Esqueci"),
    NO_INVOICE("Não recebi a fatura ou o boleto"),
    UNHAPPY("Estou insatisfeito com o produto ou serviço"),
    DISAGREES("Não concordo com o valor"),
    OTHER("Outro motivo");

    private final String words;

    NonPaymentReason(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
