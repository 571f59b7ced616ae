package br.com.regua.security;

import static org.mockito.Mockito.mock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The server's own security chain ({@link SecurityConfig}, built from {@link EndpointRoles#TABLE})
 * for a controller slice ({@code @WebMvcTest}): the rules of who may call what are the real ones,
 * without Camunda's identity service or the audit table. A slice signs its callers in with Spring
 * Security's test support, so the password check is never asked; the audit log is a mock a test may
 * verify.
 */
@TestConfiguration
@Import(SecurityConfig.class)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecuritySlice {

    @Bean
    CamundaPasswords noPasswords() {
        return mock(CamundaPasswords.class);
    }

    @Bean
    AuditLog auditLog() {
        return mock(AuditLog.class);
    }
}
