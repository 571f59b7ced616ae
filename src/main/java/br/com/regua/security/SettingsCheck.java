package br.com.regua.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

import br.com.regua.receivable.TaxDocument;

/**
 * Checks the settings that would leave Régua open before anything starts — before the database is
 * reached, the engine built or a port opened — so the refusal is the first and only thing said.
 */
class SettingsCheck implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String password = environment.getProperty("regua.security.admin.password");
        String user = environment.getProperty("regua.security.admin.user", "admin");
        boolean embedded = IdentityBootstrap.isEmbedded(environment);
        IdentityBootstrap.checkSettings(new SecurityProperties.Admin(user, password),
                environment.getProperty("regua.agreements.offer-secret"), embedded);
        IdentityBootstrap.checkMonitoring(new SecurityProperties.Monitoring(
                environment.getProperty("regua.security.monitoring.user", "prometheus"),
                environment.getProperty("regua.security.monitoring.password")));
        if (!embedded) {
            checkCreditor(environment);
        }
        checkMailSender(environment);
    }

    /**
     * With a mail server, every e-mail needs a From. Without one the server would die later, after
     * the database and the engine, with a stack trace; here it is one line.
     */
    static void checkMailSender(Environment environment) {
        String host = environment.getProperty("spring.mail.host");
        String from = environment.getProperty("regua.contact.email.from");
        if (host != null && !host.isBlank() && (from == null || from.isBlank())) {
            throw new UnsafeSettingException("regua.contact.email.from (REGUA_CONTACT_EMAIL_FROM)",
                    "is missing: spring.mail.host is set, and every e-mail needs a From (e.g. Escola Aurora <cobranca@aurora.com.br>)");
        }
    }

    /**
     * Every message names who collects (CDC art. 42-A: name, address and CPF/CNPJ). Outside the
     * embedded demo a message naming the demo company would mislead every debtor it reaches.
     */
    static void checkCreditor(Environment environment) {
        for (String setting : new String[] {"name", "document", "address"}) {
            String value = environment.getProperty("regua.creditor." + setting);
            if (value == null || value.isBlank()) {
                throw new UnsafeSettingException("regua.creditor." + setting + " (REGUA_CREDITOR_" + setting.toUpperCase() + ")",
                        "is missing: every message to a debtor names the creditor, and the demo company is not yours");
            }
        }
        String document = environment.getProperty("regua.creditor.document");
        if (!TaxDocument.isValidCnpj(document) && !TaxDocument.isValidCpf(document)) {
            throw new UnsafeSettingException("regua.creditor.document (REGUA_CREDITOR_DOCUMENT)", "is not a valid CNPJ or CPF");
        }
    }
}
