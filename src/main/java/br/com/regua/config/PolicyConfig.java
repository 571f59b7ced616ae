package br.com.regua.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import br.com.regua.policy.CompiledPolicy;
import br.com.regua.policy.PolicyEngine;

/** Compiles the rules directory at start-up; a broken policy stops the server loudly. */
@Configuration
public class PolicyConfig {

    private static final Logger log = LoggerFactory.getLogger(PolicyConfig.class);

    @Bean
    PolicyEngine policyEngine(ReguaProperties properties) {
        CompiledPolicy policy = CompiledPolicy.fromDirectory(properties.rulesDir());
        log.info("Policy {} loaded from {} ({} files)", policy.version(), properties.rulesDir().toAbsolutePath().normalize(),
                policy.files().size());
        return new PolicyEngine(policy);
    }
}
