package br.com.regua.policy;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The policy in {@code /actuator/health}: the active version, and a refused rules-directory edit
 * with its errors. A refused edit leaves the server up: the active version keeps deciding.
 */
public class PolicyHealth implements HealthIndicator {

    private final PolicyWorkbench workbench;

    public PolicyHealth(PolicyWorkbench workbench) {
        this.workbench = workbench;
    }

    @Override
    public Health health() {
        CompiledPolicy active = workbench.active();
        DirectoryStatus dir = workbench.directoryStatus();
        Health.Builder health = Health.up()
                .withDetail("activeVersion", active.number())
                .withDetail("hash", active.version())
                .withDetail("rulesDirectory", dir.accepted() ? "in sync" : "edit refused")
                .withDetail("lastDirectoryChange", dir.detail() + " at " + dir.at());
        if (!dir.accepted()) {
            health.withDetail("errors", dir.errors().stream()
                    .map(e -> e.file() + ":" + e.line() + ": " + e.message()).toList());
            health.withDetail("failedScenarios", ScenarioRunner.describe(dir.failures()));
        }
        return health.build();
    }
}
