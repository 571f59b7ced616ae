package br.com.regua.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password against Camunda's identity service, so that people and clients
 * are the users Camunda Admin manages and their groups are their roles. Every way in (the login
 * form, HTTP Basic, Camunda's own {@code /engine-rest/identity/verify}) goes through
 * {@link IdentityService#checkPassword}, whose throttle slows each failure down and locks the user
 * after {@code loginMaxAttempts} failures until an admin unlocks it.
 */
@Component
class CamundaPasswords implements AuthenticationProvider {

    /** Longer names and passwords are refused before they reach the hash. */
    private static final int MAX_LENGTH = 256;

    private final IdentityService identity;

    CamundaPasswords(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        if (user == null || user.isBlank() || user.length() > MAX_LENGTH || password.isEmpty() || password.length() > MAX_LENGTH
                || !identity.checkPassword(user, password)) {
            throw new BadCredentialsException("bad credentials");
        }
        List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
