package br.com.regua.policy;

/**
 * A table row that may be written for one state (UF, e.g. "RJ") or, without a state, for every
 * state that has no row of its own. The logic in {@code compliance.drl} drops the rows that do not
 * apply to the debtor before any decision reads them.
 */
public abstract class StateRow {
    private String state;

    /** The state the row is for, or null for the default row. */
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }

    /** What the row decides: a state's rows replace the default rows with the same topic. */
    public abstract String getTopic();
}
