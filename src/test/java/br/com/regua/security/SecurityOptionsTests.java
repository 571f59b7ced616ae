package br.com.regua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import br.com.regua.policy.PolicyWorkbench;
import br.com.regua.support.ReguaSpringTests;
import br.com.regua.support.TestUsers;

/**
 * The two options an operator may switch on, on a server of their own: bearer tokens from the
 * company's identity provider (here a key the test makes; the server knows only its public half), and
 * four eyes on the policy.
 */
class SecurityOptionsTests extends ReguaSpringTests {

    private static final KeyPair PROVIDER = keyPair();
    private static final KeyPair STRANGER = keyPair();

    @DynamicPropertySource
    static void options(DynamicPropertyRegistry registry) throws Exception {
        Path key = Files.createTempFile("regua-jwt", ".pub");
        key.toFile().deleteOnExit();
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(PROVIDER.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + key);
        registry.add("regua.policy.approval", () -> "required");
        // a database of its own: its policy versions are not those of the other tests
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:regua-security-options;DB_CLOSE_DELAY=-1");
    }

    @Autowired
    PolicyWorkbench workbench;

    @Test
    void aBackendWithATokenOfTheIdentityProviderActsWithTheRolesOfItsToken() {
        setClock("2026-03-10T10:00:00-03:00");
        String id = "jwt-" + System.nanoTime();

        ResponseEntity<JsonNode> created = bearer(token(PROVIDER, "erp-oidc", List.of("integration"), 300), HttpMethod.POST,
                "/api/receivables", receivable(id));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(bearer(token(PROVIDER, "erp-oidc", List.of("collectors"), 300), HttpMethod.POST, "/api/receivables",
                receivable(id + "-b")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> audit = as(Role.ADMIN).getForEntity("/api/audit?what=/api/receivables&who=erp-oidc", JsonNode.class);
        assertThat(audit.getBody().findValuesAsText("status")).as("the token's user is who, allowed and refused")
                .contains("201", "403");
    }

    @Test
    void aTokenSignedByAnotherKeyOrExpiredIsRefused() {
        assertThat(bearer(token(STRANGER, "erp-oidc", List.of("integration", "admins"), 300), HttpMethod.GET, "/api/session", null)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(bearer(token(PROVIDER, "erp-oidc", List.of("integration"), -120), HttpMethod.GET, "/api/session", null)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(bearer("not-a-token", HttpMethod.GET, "/api/session", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void camundasRestApiHonoursTheRolesOfTheToken() {
        String count = "/engine-rest/engine/" + engine.getName() + "/process-definition/count";
        ResponseEntity<JsonNode> analyst = bearer(token(PROVIDER, "bi-tool", List.of("analysts"), 300), HttpMethod.GET, count, null);
        assertThat(analyst.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(analyst.getBody().get("count").asInt()).as("Camunda lets the analysts group read definitions").isPositive();
        ResponseEntity<JsonNode> deploy = bearer(token(PROVIDER, "bi-tool", List.of("analysts"), 300), HttpMethod.POST,
                "/engine-rest/engine/" + engine.getName() + "/user/create", "{\"profile\": {\"id\": \"x\"}}");
        assertThat(deploy.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void withFourEyesOneCreditManagerProposesAndAnotherActivates() {
        int before = workbench.active().number();
        TestRestTemplate ana = TestUsers.as("ana", Role.CREDIT_MANAGER, identity, anonymous());
        TestRestTemplate bruno = TestUsers.as("bruno", Role.CREDIT_MANAGER, identity, anonymous());
        String grace = workbench.active().files().get("grace.drl");
        String edit = "{\"comment\": \"one more comment line\", \"files\": {\"grace.drl\": "
                + quoted(grace + "\n// reviewed in December\n") + "}}";

        ResponseEntity<JsonNode> proposed = send(ana, HttpMethod.PUT, "/api/policy", edit);
        assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        int number = proposed.getBody().get("number").asInt();
        assertThat(proposed.getBody().get("active").asBoolean()).isFalse();
        assertThat(workbench.active().number()).as("nothing changes until someone else approves").isEqualTo(before);

        ResponseEntity<JsonNode> own = send(ana, HttpMethod.POST, "/api/policy/versions/" + number + "/activate", "{}");
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(own.getBody().get("type").asText()).endsWith("/four-eyes");
        assertThat(workbench.active().number()).isEqualTo(before);

        ResponseEntity<JsonNode> approved = send(bruno, HttpMethod.POST, "/api/policy/versions/" + number + "/activate",
                "{\"comment\": \"approved\"}");
        assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(approved.getBody().get("author").asText()).isEqualTo("ana");
        assertThat(workbench.active().number()).isEqualTo(number);
    }

    @Test
    void withFourEyesTheAuthorOfAProposalCannotScheduleItAndAnotherCreditManagerCan() {
        TestRestTemplate ana = TestUsers.as("ana", Role.CREDIT_MANAGER, identity, anonymous());
        TestRestTemplate bruno = TestUsers.as("bruno", Role.CREDIT_MANAGER, identity, anonymous());
        String grace = workbench.active().files().get("grace.drl");
        String edit = "{\"comment\": \"a comment for next year\", \"files\": {\"grace.drl\": "
                + quoted(grace + "\n// reviewed for next year\n") + "}";
        String nextYear = "{\"effectiveAt\": \"2099-01-01T00:00:00-03:00\"}";

        ResponseEntity<JsonNode> scheduledEdit = send(ana, HttpMethod.PUT, "/api/policy", edit + ", \"effectiveAt\": \"2099-01-01T00:00:00-03:00\"}");
        assertThat(scheduledEdit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(scheduledEdit.getBody().get("type").asText()).endsWith("/four-eyes");
        int number = send(ana, HttpMethod.PUT, "/api/policy", edit + "}").getBody().get("number").asInt();

        ResponseEntity<JsonNode> own = send(ana, HttpMethod.POST, "/api/policy/versions/" + number + "/schedule", nextYear);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> approved = send(bruno, HttpMethod.POST, "/api/policy/versions/" + number + "/schedule", nextYear);
        assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(approved.getBody().get("author").asText()).isEqualTo("bruno");
        assertThat(send(bruno, HttpMethod.DELETE, "/api/policy/schedules/" + approved.getBody().get("id").asLong(), null)
                .getBody().get("status").asText()).isEqualTo("CANCELLED");
    }

    private static String quoted(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<JsonNode> bearer(String token, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return anonymous().exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static ResponseEntity<JsonNode> send(TestRestTemplate http, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static String token(KeyPair key, String subject, List<String> roles, long secondsValid) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", roles)
                    .issueTime(Date.from(now.minusSeconds(600))).expirationTime(Date.from(now.plusSeconds(secondsValid))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String receivable(String id) {
        return """
                {"externalId": "%1$s",
                 "customer": {"externalId": "cust-%1$s", "name": "Maria da Silva", "document": "529.982.247-25",
                              "type": "CONSUMER", "email": "maria@example.com", "state": "SP"},
                 "amount": "800.00", "issueDate": "2026-03-01", "dueDate": "2026-03-30"}""".formatted(id);
    }
}
