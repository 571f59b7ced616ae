package br.com.regua.integration.agency;

import java.util.Map;

/**
 * An external collection agency as Régua uses it: place a debt, recall it. The adapter carries;
 * it decides nothing.
 */
interface AgencyApi {

    enum Outcome {
        /** Done as asked. */
        DONE,
        /** Asked before: the placement is there already (place), or gone already (recall). */
        ALREADY,
        /** Not now (5xx, 408, 429, no answer): try again later. */
        RETRY,
        /** Refused for good (any other 4xx): no retry changes it. */
        REFUSED
    }

    /** The agency's answer; {@code id} its id of the placement when it gave one, {@code error} why it failed. */
    record Answer(Outcome outcome, String id, String error) {
    }

    /** Sends {@code placement} (the JSON body) to agency {@code agency}, under {@code reference} as its Idempotency-Key. */
    Answer place(String agency, String reference, Map<String, Object> placement);

    /** Tells agency {@code agency} to stop collecting placement {@code id}, for {@code reason}. */
    Answer recall(String agency, String id, String reference, String reason);
}
