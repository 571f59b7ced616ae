package br.com.regua.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Régua's security settings ({@code regua.security}).
 *
 * @param admin the administrator created at first start (member of {@code admins})
 * @param monitoring the user Prometheus scrapes with (member of {@code monitoring}), created at first
 *              start when its password is set
 * @param jwt   how a bearer JWT from the company's identity provider names its user and roles; JWTs
 *              are accepted only once {@code spring.security.oauth2.resourceserver.jwt.*} names the
 *              issuer or its keys
 */
@ConfigurationProperties(prefix = "regua.security")
public record SecurityProperties(@DefaultValue Admin admin, @DefaultValue Monitoring monitoring, @DefaultValue Jwt jwt) {

    /** The shortest administrator password accepted outside the embedded demo. */
    public static final int MIN_ADMIN_PASSWORD = 12;

    /**
     * @param user     the administrator's user id
     * @param password its password when it is created; never stored in clear, and later changes are
     *                 made in Camunda Admin
     */
    public record Admin(@DefaultValue("admin") String user, String password) {
    }

    /**
     * @param user     the user id Prometheus signs in with
     * @param password its password when it is created (12 characters or more); none, no such user
     */
    public record Monitoring(@DefaultValue("prometheus") String user, String password) {
    }

    /**
     * @param userClaim  the claim naming the caller (shown in the audit log as who)
     * @param rolesClaim the claim listing the caller's roles, as Régua's group ids
     *                   ({@code integration}, {@code credit-managers}, ...)
     */
    public record Jwt(@DefaultValue("sub") String userClaim, @DefaultValue("roles") String rolesClaim) {
    }
}
