package br.com.regua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import br.com.regua.support.ReguaSpringTests;
import br.com.regua.support.TestUsers;

/**
 * Signing in as an attacker would try it: failures slow the next try down and then lock the user,
 * whichever way in they came (HTTP Basic, the login form, Camunda's identity/verify); each failure is
 * audited. Camunda's lock runs on the engine's clock, which the simulation clock moves, so the waits
 * are moves of the clock, not sleeps.
 */
class SignInTests extends ReguaSpringTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    AuditLog audit;

    @Test
    void aWrongPasswordMakesTheRightOneWaitThenItIsAcceptedAgain() {
        setClock("2026-03-10T10:00:00-03:00");
        TestUsers.ensure("slow-1", "slow-1-password", Role.INTEGRATION, identity);

        assertThat(session("slow-1", "guess").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(session("slow-1", "slow-1-password").getStatusCode()).as("right password during the delay")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        clock.moveTo(clock.instant().plus(Duration.ofSeconds(5)));
        assertThat(session("slow-1", "slow-1-password").getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(audit.read(new AuditLog.Query("slow-1", "SIGN-IN FAILED", null, null, 10))).isNotEmpty();
    }

    @Test
    void tenFailuresLockTheUserUntilAnAdminUnlocksIt() {
        setClock("2026-03-10T10:00:00-03:00");
        TestUsers.ensure("locked-1", "locked-1-password", Role.INTEGRATION, identity);

        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(session("locked-1", "guess-" + attempt).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            clock.moveTo(clock.instant().plus(Duration.ofMinutes(2))); // past every delay
        }
        clock.moveTo(clock.instant().plus(Duration.ofDays(1)));
        assertThat(session("locked-1", "locked-1-password").getStatusCode()).as("locked a day later")
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        identity.unlockUser("locked-1");
        assertThat(session("locked-1", "locked-1-password").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void failuresThroughCamundasVerifyAndTheLoginFormCountAsWell() throws Exception {
        setClock("2026-03-10T10:00:00-03:00");
        TestUsers.ensure("verify-1", "verify-1-password", Role.CREDIT_MANAGER, identity);
        TestUsers.ensure("form-1", "form-1-password", Role.CREDIT_MANAGER, identity);

        ResponseEntity<JsonNode> verify = as(Role.ADMIN).postForEntity("/engine-rest/engine/" + engine.getName()
                        + "/identity/verify", java.util.Map.of("username", "verify-1", "password", "guess"), JsonNode.class);
        assertThat(verify.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(verify.getBody().get("authenticated").asBoolean()).isFalse();
        assertThat(session("verify-1", "verify-1-password").getStatusCode()).as("slowed after a failed verify")
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        HttpResponse<String> form = formLogin("form-1", "guess");
        assertThat(form.statusCode()).isEqualTo(302);
        assertThat(form.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        assertThat(session("form-1", "form-1-password").getStatusCode()).as("slowed after a failed form login")
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        clock.moveTo(clock.instant().plus(Duration.ofSeconds(5)));
        HttpResponse<String> signedIn = formLogin("form-1", "form-1-password");
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    @Test
    void anUnknownUserAndAnEmptyPasswordAreRefusedAlike() {
        assertThat(session("nobody-at-all", "x").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        TestUsers.ensure("empty-1", "empty-1-password", Role.INTEGRATION, identity);
        assertThat(session("empty-1", "").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<JsonNode> problem = anonymous().getForEntity("/api/receivables/x", JsonNode.class);
        assertThat(problem.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(problem.getBody().get("type").asText()).endsWith("/unauthenticated");
    }

    @Test
    void theAuditLogNamesWhoChangedWhatFromWhereAndOnlyAdminsReadIt() {
        setClock("2026-03-10T10:00:00-03:00");
        String id = "audit-" + System.nanoTime();
        as(Role.INTEGRATION).postForEntity("/api/receivables/" + id + "/disputes", java.util.Map.of("reason", "x"), String.class);

        ResponseEntity<JsonNode> read = as(Role.ADMIN).getForEntity(
                "/api/audit?who=" + TestUsers.user(Role.INTEGRATION) + "&what=" + id, JsonNode.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode event = read.getBody().get(0);
        assertThat(event.get("action").asText()).isEqualTo("POST /api/receivables/" + id + "/disputes");
        assertThat(event.get("status").asInt()).as("refused changes are audited too").isEqualTo(404);
        assertThat(event.get("origin").asText()).isEqualTo("127.0.0.1");
        assertThat(as(Role.CREDIT_MANAGER).getForEntity("/api/audit", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> badDate = as(Role.ADMIN).getForEntity("/api/audit?from=yesterday", JsonNode.class);
        assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badDate.getBody().get("field").asText()).isEqualTo("from");
    }

    private ResponseEntity<JsonNode> session(String user, String password) {
        return anonymous().withBasicAuth(user, password).getForEntity("/api/session", JsonNode.class);
    }

    /** The login form as a browser posts it: the page first (its session and CSRF token), then the form. */
    private HttpResponse<String> formLogin(String user, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        URI login = URI.create("http://localhost:" + port + "/login");
        String page = browser.send(HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(login).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
