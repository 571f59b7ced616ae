package br.com.regua.desk;

/** How a collector's call ended, as the call form offers it, with the words the collector reads. */
public enum CallOutcome {
    RIGHT_PARTY_CONTACT("Falei com o devedor"),
    NO_ANSWER("Não atendeu"),
    WRONG_NUMBER("Número errado"),
    THIRD_PARTY("Atendeu outra pessoa"),
    PROMISE_TO_PAY("Prometeu pagar"),
    REFUSED("Recusou-se a pagar"),
    ASKED_FOR_AGREEMENT("Pediu um acordo"),
    DISPUTES_DEBT("Contesta a dívida"),
    CALL_BACK("Pediu para ligar depois");

    private final String words;

    CallOutcome(String words) {
        this.words = words;
    }

    /** In Portuguese, for the form and the timeline. */
    public String words() {
        return words;
    }
}
