package br.com.regua.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.test.web.client.TestRestTemplate;

import br.com.regua.security.Role;

/**
 * A user per role, made the way an admin makes one in Camunda Admin (a user, a password, a group),
 * so that tests call the API with real credentials on any database, demo accounts or not.
 */
public final class TestUsers {

    private TestUsers() {
    }

    public static String user(Role role) {
        return "test-" + role.group();
    }

    /** The client signed in as the test user of {@code role}, created when missing. */
    public static TestRestTemplate as(Role role, IdentityService identity, TestRestTemplate anonymous) {
        return as(user(role), role, identity, anonymous);
    }

    /** The client signed in as {@code user} (password: the user name + "-password"), created in {@code role} when missing. */
    public static TestRestTemplate as(String user, Role role, IdentityService identity, TestRestTemplate anonymous) {
        ensure(user, user + "-password", role, identity);
        return anonymous.withBasicAuth(user, user + "-password");
    }

    public static synchronized void ensure(String id, String password, Role role, IdentityService identity) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName("Test");
            user.setLastName(role.group());
            user.setPassword(password);
            identity.saveUser(user);
            identity.createMembership(id, role.group());
        }
    }
}
