package br.com.regua.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The people of Régua, each a Camunda group: Camunda Admin manages who belongs to which, and the
 * group id is the authority a login carries.
 */
public enum Role {
    INTEGRATION("integration", "Backend systems: receivables, payments, agreements, disputes, opt-outs, delivery reports"),
    CREDIT_MANAGER("credit-managers", "Credit managers: the policy, decisions, reports"),
    COLLECTOR("collectors", "Collectors: Tasklist, cases, call outcomes"),
    ANALYST("analysts", "Process analysts: Cockpit read-only, decisions, reports"),
    MONITORING("monitoring", "Operators' monitoring: the Prometheus metrics, nothing about debtors"),
    ADMIN("admins", "Administrators: everything, Camunda Admin, deployments, audit");

    private final String group;
    private final String description;

    Role(String group, String description) {
        this.group = group;
        this.description = description;
    }

    /** The Camunda group id, also the Spring Security authority. */
    public String group() {
        return group;
    }

    public String description() {
        return description;
    }

    public static Optional<Role> ofGroup(String group) {
        return Arrays.stream(values()).filter(r -> r.group.equals(group)).findFirst();
    }
}
