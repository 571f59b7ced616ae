package br.com.regua.config;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import br.com.regua.settings.ReguaProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import br.com.regua.policy.InitialPolicy;
import br.com.regua.policy.PinnedVersions;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.policy.PolicyProperties;
import br.com.regua.policy.PolicyHealth;
import br.com.regua.policy.PolicyStore;
import br.com.regua.policy.PolicyWorkbench;
import br.com.regua.policy.RulesDirectoryWatcher;
import br.com.regua.policy.StageCatalog;

/**
 * The policy: the active version from the database (the rules directory on first start, which
 * must compile and pass its scenarios or the server does not start), changed at run time by the
 * policy API and by edits in the rules directory.
 */
@Configuration
@EnableScheduling
public class PolicyConfig {

    @Bean
    PolicyEngine policyEngine(PolicyStore store, ReguaProperties properties, StageCatalog stages, Clock clock,
                              ObjectProvider<MeterRegistry> registries) {
        PolicyEngine engine = new PolicyEngine(InitialPolicy.load(store, properties.rulesDir(), stages, clock))
                .pinnedVersionsFrom(new PinnedVersions(store));
        MeterRegistry registry = registries.getIfAvailable();
        if (registry != null) {
            engine.measuredBy(registry);
            // the version this node decides with: two nodes showing different numbers for longer than the
            // reload interval means one does not see the activation log
            Gauge.builder("regua.policy.active.version", engine, e -> e.active().number())
                    .description("number of the policy version this node decides with").register(registry);
        }
        return engine;
    }

    @Bean
    PolicyWorkbench policyWorkbench(PolicyEngine engine, PolicyStore store, ReguaProperties properties, StageCatalog stages,
                                    Clock clock, PolicyProperties policy) {
        return new PolicyWorkbench(engine, store, properties.rulesDir(), stages, clock, policy.approval());
    }

    @Bean
    RulesDirectoryWatcher rulesDirectoryWatcher(PolicyWorkbench workbench) {
        return new RulesDirectoryWatcher(workbench);
    }

    @Bean
    PolicyHealth policyHealthIndicator(PolicyWorkbench workbench) {
        return new PolicyHealth(workbench);
    }
}
