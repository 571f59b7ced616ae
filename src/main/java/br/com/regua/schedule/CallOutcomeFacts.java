package br.com.regua.schedule;

import java.util.Optional;

import br.com.regua.receivable.ReadAlong;

/**
 * How the last collector call on a receivable ended, for its facts: the desk records calls and
 * answers here, so the schedule reads it without depending on the desk.
 */
public interface CallOutcomeFacts {

    /** The outcome's name ({@code WRONG_NUMBER}...), or empty when no call was recorded. */
    Optional<String> lastCallOutcome(long receivableId);

    /** The same, read along with the receivable a step locks. */
    ReadAlong<Optional<String>> lastCallOutcomeAlong();
}
