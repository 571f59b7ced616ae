package br.com.regua.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import br.com.regua.ReguaApplication;

/**
 * Outside the embedded demo there is no default password: the server refuses to start, in one
 * line that names the setting, instead of starting open or with a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupRefusalTests {

    private static final String OFFER_SECRET = "an-offer-secret";

    @Test
    void anyDatabaseButTheEmbeddedOneNeedsAnAdministratorPasswordOfTwelveCharacters() {
        assertThatThrownBy(() -> IdentityBootstrap.checkSettings(new SecurityProperties.Admin("admin", null), OFFER_SECRET, false))
                .isInstanceOf(UnsafeSettingException.class).hasMessageContaining("REGUA_ADMIN_PASSWORD");
        assertThatThrownBy(() -> IdentityBootstrap.checkSettings(new SecurityProperties.Admin("admin", ""), OFFER_SECRET, false))
                .hasMessageContaining("missing or empty");
        assertThatThrownBy(() -> IdentityBootstrap.checkSettings(new SecurityProperties.Admin("admin", "elevenchars"), OFFER_SECRET,
                false)).hasMessageContaining("at least 12 characters");
        assertThatThrownBy(() -> IdentityBootstrap.checkSettings(new SecurityProperties.Admin("admin", "            "), OFFER_SECRET,
                false)).hasMessageContaining("at least 12 characters");
        assertThatCode(() -> IdentityBootstrap.checkSettings(new SecurityProperties.Admin("admin", "twelve-chars"), OFFER_SECRET,
                false)).doesNotThrowAnyException();
    }

    @Test
    void anyDatabaseButTheEmbeddedOneNeedsTheOfferSecret() {
        assertThatThrownBy(() -> IdentityBootstrap.checkSettings(new SecurityProperties.Admin("admin", "twelve-chars"), "", false))
                .hasMessageContaining("REGUA_OFFER_SECRET");
        assertThatThrownBy(() -> IdentityBootstrap.checkSettings(new SecurityProperties.Admin("admin", "twelve-chars"), null, false))
                .hasMessageContaining("regua.agreements.offer-secret");
    }

    @Test
    void theEmbeddedDemoNeedsNeitherButAShortPasswordIsRefusedEverywhere() {
        assertThatCode(() -> IdentityBootstrap.checkSettings(new SecurityProperties.Admin("admin", null), null, true))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> IdentityBootstrap.checkSettings(new SecurityProperties.Admin("admin", "short"), null, true))
                .isInstanceOf(UnsafeSettingException.class);
        assertThatThrownBy(() -> IdentityBootstrap.checkSettings(new SecurityProperties.Admin("ad min\n", "twelve-chars"), null,
                true)).hasMessageContaining("REGUA_ADMIN_USER");
    }

    @Test
    void anyDatabaseButTheEmbeddedOneNeedsARealCreditor() {
        org.springframework.mock.env.MockEnvironment environment = new org.springframework.mock.env.MockEnvironment();
        assertThatThrownBy(() -> SettingsCheck.checkCreditor(environment)).hasMessageContaining("REGUA_CREDITOR_NAME");
        environment.setProperty("regua.creditor.name", "Escola Aurora Ltda");
        environment.setProperty("regua.creditor.document", "11.222.333/0001-82");
        environment.setProperty("regua.creditor.address", "Rua das Flores, 100, Campinas - SP");
        assertThatThrownBy(() -> SettingsCheck.checkCreditor(environment)).hasMessageContaining("not a valid CNPJ or CPF");
        environment.setProperty("regua.creditor.document", "11.222.333/0001-81");
        assertThatCode(() -> SettingsCheck.checkCreditor(environment)).doesNotThrowAnyException();
    }

    @Test
    void aMailServerWithoutTheFromOfItsEmailsIsRefusedBeforeAnythingStarts() {
        org.springframework.mock.env.MockEnvironment environment = new org.springframework.mock.env.MockEnvironment();
        assertThatCode(() -> SettingsCheck.checkMailSender(environment)).doesNotThrowAnyException();
        environment.setProperty("spring.mail.host", "mailpit");
        assertThatThrownBy(() -> SettingsCheck.checkMailSender(environment)).isInstanceOf(UnsafeSettingException.class)
                .hasMessageContaining("REGUA_CONTACT_EMAIL_FROM");
        environment.setProperty("regua.contact.email.from", "Escola Aurora <cobranca@aurora.example>");
        assertThatCode(() -> SettingsCheck.checkMailSender(environment)).doesNotThrowAnyException();
    }

    @Test
    void prometheussUserIsOptionalButNeverHasAShortPassword() {
        assertThatCode(() -> IdentityBootstrap.checkMonitoring(new SecurityProperties.Monitoring("prometheus", null)))
                .doesNotThrowAnyException();
        assertThatCode(() -> IdentityBootstrap.checkMonitoring(new SecurityProperties.Monitoring("prometheus", "")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> IdentityBootstrap.checkMonitoring(new SecurityProperties.Monitoring("prometheus", "elevenchars")))
                .hasMessageContaining("REGUA_MONITORING_PASSWORD").hasMessageContaining("12 characters");
        assertThatThrownBy(() -> IdentityBootstrap.checkMonitoring(new SecurityProperties.Monitoring("prom etheus", "twelve-chars")))
                .hasMessageContaining("REGUA_MONITORING_USER");
        assertThatCode(() -> IdentityBootstrap.checkMonitoring(new SecurityProperties.Monitoring("prometheus", "twelve-chars")))
                .doesNotThrowAnyException();
    }

    @Test
    void theServerOnAnotherDatabaseWithAnEmptyPasswordStopsWithOneLineNamingTheSetting(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(ReguaApplication.class);
        String[] arguments = {
                // not H2: as far as Régua can tell, a production database (never reached: it stops before)
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none",
                "--server.port=0",
                "--REGUA_ADMIN_PASSWORD=",
                "--regua.agreements.offer-secret=" + OFFER_SECRET,
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.generate-unique-process-application-name=true"};

        assertThatThrownBy(() -> app.run(arguments)).isInstanceOf(UnsafeSettingException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("Régua refuses to start: regua.security.admin.password (REGUA_ADMIN_PASSWORD) is missing or empty");
    }
}
