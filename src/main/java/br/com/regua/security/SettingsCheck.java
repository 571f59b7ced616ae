package br.com.regua.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks the settings that would leave Régua open before anything starts — before the database is
 * reached, the engine built or a port opened — so the refusal is the first and only thing said.
 */
class SettingsCheck implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String password = environment.getProperty("regua.security.admin.password");
        String user = environment.getProperty("regua.security.admin.user", "admin");
        IdentityBootstrap.checkSettings(new SecurityProperties.Admin(user, password),
                environment.getProperty("regua.agreements.offer-secret"), IdentityBootstrap.isEmbedded(environment));
    }
}
