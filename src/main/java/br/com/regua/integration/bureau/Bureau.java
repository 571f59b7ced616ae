package br.com.regua.integration.bureau;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A credit bureau (Serasa, SPC, Boa Vista…) as Régua uses it: include a debt, remove it, ask where
 * it stands. One adapter per bureau; none of them decides anything, they only carry.
 */
interface Bureau {

    /** What is listed: the debtor, the creditor, the debt, and when the prior notice reached the debtor. */
    record Listing(String reference, String document, String name, String creditor, String description, BigDecimal amount,
                   LocalDate dueDate, OffsetDateTime noticeDeliveredAt) {
    }

    enum Outcome {
        /** Done as asked. */
        DONE,
        /** Asked before: the listing is there already (include), or gone already (remove). */
        ALREADY,
        /** Accepted, not done yet: ask again with {@link #status}. */
        PENDING,
        /** Not now (5xx, 408, 429, no answer): try again later. */
        RETRY,
        /** Refused for good (any other 4xx): no retry changes it. */
        REFUSED
    }

    /**
     * The bureau's answer.
     *
     * @param id     the bureau's id of the listing, when it gave one
     * @param status the listing's status as the bureau says it (LISTED, REMOVED…), for {@link #status}
     * @param error  why it failed, for the logs and the report
     */
    record Answer(Outcome outcome, String id, String status, String error) {
    }

    Answer include(Listing listing);

    Answer remove(String id, String reference);

    Answer status(String id);
}
