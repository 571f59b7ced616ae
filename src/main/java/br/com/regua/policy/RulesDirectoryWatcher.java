package br.com.regua.policy;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Hot reload: looks at the rules directory and the activation log every few seconds. Polling the
 * files, rather than file-system events, also works on network and container-mounted volumes.
 */
public class RulesDirectoryWatcher {

    private final PolicyWorkbench workbench;

    public RulesDirectoryWatcher(PolicyWorkbench workbench) {
        this.workbench = workbench;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${regua.policy.reload-interval:PT2S}")
    public void look() {
        workbench.followOtherNodes();
        workbench.syncDirectory();
    }
}
