package br.com.regua.policy;

/**
 * Table row fact ({@code call-groups.drl.csv}): a Camunda group whose collectors may take this debtor's
 * call. Every matching row adds its group; the call task is offered to all of them.
 */
public final class CallGroup {
    private final String group;

    public CallGroup(String group) { this.group = group == null ? "" : group.strip(); }

    public String getGroup() { return group; }

    @Override
    public String toString() { return "CallGroup(" + group + ")"; }
}
