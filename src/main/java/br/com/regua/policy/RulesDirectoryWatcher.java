package br.com.regua.policy;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Hot reload: looks at the scheduled activations, the activation log and the rules directory every
 * few seconds (a scheduled version takes effect within one look of its time). Polling the
 * files, rather than file-system events, also works on network and container-mounted volumes.
 */
public class RulesDirectoryWatcher {

    private final PolicyWorkbench workbench;

    public RulesDirectoryWatcher(PolicyWorkbench workbench) {
        this.workbench = workbench;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${regua.policy.reload-interval:PT2S}")
    public void look() {
        workbench.activateDue();
        workbench.followOtherNodes();
        workbench.syncDirectory();
    }
}
