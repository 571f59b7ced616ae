package br.com.regua.policy;

/**
 * The policy compiled but left out a decision the schedule cannot do without (a segment, the
 * charge rates). A technical failure: the engine retries and raises an incident.
 */
public class PolicyOutputException extends RuntimeException {
    public PolicyOutputException(String message) {
        super(message);
    }
}
