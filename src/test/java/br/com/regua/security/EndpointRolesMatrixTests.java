package br.com.regua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import br.com.regua.agreement.DisputeService;
import br.com.regua.agreement.OfferService;
import br.com.regua.integration.webhook.WebhookService;
import br.com.regua.policy.PolicyWorkbench;
import br.com.regua.portal.PortalTokens;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.support.ReguaSpringTests;
import br.com.regua.support.TestUsers;

/**
 * Every row of the role table, called for real: a stranger gets 401 (a page sends him to the login
 * form), each role it does not name gets 403, each role it names gets the endpoint's own answer.
 * The table is also the whole truth: every endpoint of the server has a row, and the README shows it.
 */
class EndpointRolesMatrixTests extends ReguaSpringTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String BOUNDARY = "regua-matrix-boundary";

    @LocalServerPort
    int port;
    @Autowired
    OfferService offers;
    @Autowired
    DisputeService disputes;
    @Autowired
    PolicyWorkbench policy;
    @Autowired
    br.com.regua.policy.PolicyTables policyTables;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebhookService webhooks;
    @Autowired
    PortalTokens portalTokens;
    @Autowired
    ReceivableRepository receivableRepository;
    @Autowired
    br.com.regua.experiment.ExperimentService experiments;
    @Autowired
    br.com.regua.policy.PolicyStore policyStore;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient client = HttpClient.newHttpClient();

    record Call(HttpMethod method, String path, String body) {
    }

    @BeforeEach
    void aWeekdayAfterTheDueDatesOfTheFixtures() {
        setClock("2026-03-10T10:00:00-03:00");
        for (Role role : Role.values()) {
            TestUsers.ensure(TestUsers.user(role), password(role), role, identity);
        }
    }

    @Test
    void everyRowLetsInExactlyItsRoles() throws Exception {
        Map<EndpointRoles.Access, Function<Role, Call>> calls = calls();
        List<String> wrong = new ArrayList<>();
        for (EndpointRoles.Access row : EndpointRoles.TABLE) {
            Function<Role, Call> call = calls.get(row);
            assertThat(call).as("a sample call for " + row.methodName() + " " + row.path()).isNotNull();

            HttpResponse<String> stranger = send(call.apply(null), null);
            String strangerSees = row.audience() == EndpointRoles.Audience.PUBLIC ? "its answer"
                    : row.audience() == EndpointRoles.Audience.DEBTOR ? debtorSees(row)
                    : isPage(row) ? "the login form" : "401";
            if (!answers(row, stranger, null)) {
                wrong.add(describe(row, "a stranger", strangerSees, stranger));
            }
            for (Role role : Role.values()) {
                HttpResponse<String> response = send(call.apply(role), role);
                if (!answers(row, response, role)) {
                    wrong.add(describe(row, role.group(), row.audience() == EndpointRoles.Audience.DEBTOR ? debtorSees(row)
                            : letsIn(row, role) ? "its answer" : "403", response));
                }
            }
        }
        assertThat(wrong).as("calls that did not get what the role table says").isEmpty();
    }

    /**
     * The portal's rows name no role: a role opens nothing there, not even an admin's, while the
     * debtor who confirmed the identity for that very link sees the debt in that browser only.
     */
    @Test
    void thePortalOpensForTheConfirmedDebtorOfTheLinkAndForNoRole() throws Exception {
        String link = portalLink();
        for (Role role : Role.values()) {
            HttpResponse<String> page = send(get(link), role);
            assertThat(page.statusCode()).as(role.group()).isEqualTo(200);
            assertThat(page.body()).as(role.group()).contains("Confirme a sua identidade").doesNotContain("R$ 1.500", "Maria");
        }
        // an admin's browser session with the page's CSRF token still meets the identity check, and makes no agreement
        HttpClient admin = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String adminPage = admin.send(HttpRequest.newBuilder(url(link)).header("Authorization",
                basic(TestUsers.user(Role.ADMIN), password(Role.ADMIN))).build(), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> offer = admin.send(HttpRequest.newBuilder(url(link + "/offers"))
                .header("Authorization", basic(TestUsers.user(Role.ADMIN), password(Role.ADMIN)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("oferta=x&_csrf=" + csrf(adminPage))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(offer.statusCode()).isEqualTo(302);
        assertThat(offer.headers().firstValue("Location").orElseThrow()).endsWith(link);

        // the debtor, with no credentials at all, confirms and sees what they owe
        HttpClient debtor = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String form = debtor.send(HttpRequest.newBuilder(url(link)).build(), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> confirmed = debtor.send(HttpRequest.newBuilder(url(link + "/confirm"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("digitos=52998&_csrf=" + csrf(form))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(debtor.send(HttpRequest.newBuilder(url(link)).build(), HttpResponse.BodyHandlers.ofString()).body())
                .contains("Maria da Silva", "R$ 1.500,00");
        // the same link in the admin's session still shows only the identity check
        assertThat(admin.send(HttpRequest.newBuilder(url(link)).build(), HttpResponse.BodyHandlers.ofString()).body())
                .contains("Confirme a sua identidade").doesNotContain("R$ 1.500");
    }

    private static String csrf(String page) {
        var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return java.net.URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }

    @Test
    void everyEndpointOfTheServerHasARowInTheRoleTable() {
        List<String> missing = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                var methods = info.getMethodsCondition().getMethods();
                for (var method : methods.isEmpty() ? List.of(org.springframework.web.bind.annotation.RequestMethod.GET) : methods) {
                    if (EndpointRoles.find(HttpMethod.valueOf(method.name()), pattern).isEmpty()) {
                        missing.add(method + " " + pattern);
                    }
                }
            }
        }
        assertThat(missing).as("endpoints with no role in EndpointRoles.TABLE").isEmpty();
    }

    @Test
    void theOpenApiDocumentGivesEveryOperationItsRolesSignInAndProblems() throws Exception {
        HttpResponse<String> document = send(get("/v3/api-docs"), Role.ANALYST);
        assertThat(document.statusCode()).isEqualTo(200);
        var paths = new com.fasterxml.jackson.databind.ObjectMapper().readTree(document.body()).get("paths");
        List<String> undocumented = new ArrayList<>();
        int operations = 0;
        for (var path : (Iterable<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>) paths::fields) {
            for (var operation : (Iterable<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>) path.getValue()::fields) {
                operations++;
                var op = operation.getValue();
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                if (!op.path("description").asText().contains("**Roles:**") || op.path("description").asText().contains("undocumented")
                        || op.path("security").isEmpty() || !op.path("responses").has("401") || !op.path("responses").has("403")) {
                    undocumented.add(name);
                }
                if (op.has("requestBody") && op.at("/requestBody/content/application~1json/example").isMissingNode()
                        && op.at("/requestBody/content/multipart~1form-data/example").isMissingNode()) {
                    undocumented.add(name + " (no example)");
                }
            }
        }
        assertThat(operations).as("operations in the document").isGreaterThanOrEqualTo(25);
        assertThat(undocumented).as("operations without their roles, sign-in, problems or example").isEmpty();
    }

    @Test
    void theReadmeShowsTheRoleTableAsTheServerEnforcesIt() throws Exception {
        assertThat(Files.readString(Path.of("README.md"))).contains(EndpointRoles.markdown());
    }

    @Test
    void eachDemoAccountOfTheEmbeddedDefaultSignsInWithItsRole() throws Exception {
        for (var account : IdentityBootstrap.DEMO_ACCOUNTS.entrySet()) {
            HttpResponse<String> session = client.send(HttpRequest.newBuilder(url("/api/session"))
                    .header("Authorization", basic(account.getKey(), account.getKey())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(session.statusCode()).as(account.getKey()).isEqualTo(200);
            assertThat(session.body()).as(account.getKey()).contains("\"" + account.getValue().group() + "\"");
        }
    }

    // --- the sample call of each row, with fresh data where a second call would find it already done

    private Map<EndpointRoles.Access, Function<Role, Call>> calls() {
        Map<String, Function<Role, Call>> byRow = new java.util.HashMap<>();
        String engineName = engine.getName();
        byRow.put("POST /api/receivables", r -> new Call(HttpMethod.POST, "/api/receivables", receivable(next())));
        byRow.put("POST /api/receivables/batch", r -> new Call(HttpMethod.POST, "/api/receivables/batch",
                "{\"items\": [" + receivable(next()) + "]}"));
        byRow.put("GET /api/receivables", r -> get("/api/receivables?size=1"));
        byRow.put("GET /api/receivables/{externalId}", r -> get("/api/receivables/" + registered()));
        byRow.put("GET /api/receivables/{externalId}/decisions", r -> get("/api/receivables/" + registered() + "/decisions"));
        byRow.put("GET /api/receivables/{externalId}/offers", r -> get("/api/receivables/" + registered() + "/offers"));
        byRow.put("GET /api/customers/{externalId}/offers", r -> get("/api/customers/cust-" + registered() + "/offers"));
        byRow.put("POST /api/agreements", r -> new Call(HttpMethod.POST, "/api/agreements",
                "{\"offerId\": \"" + offers.forReceivable(registered()).offers().get(0).id() + "\"}"));
        byRow.put("GET /api/agreements/{id}", r -> get("/api/agreements/" + agreement()));
        byRow.put("POST /api/payments", r -> new Call(HttpMethod.POST, "/api/payments", """
                {"externalId": "pay-%1$s", "receivableExternalId": "%1$s", "amount": "100.00", "method": "PIX",
                 "paidAt": "2026-03-10T09:00:00-03:00"}""".formatted(registered())));
        byRow.put("POST /api/receivables/{externalId}/disputes", r -> new Call(HttpMethod.POST,
                "/api/receivables/" + registered() + "/disputes", "{\"reason\": \"Não reconheço esta cobrança\"}"));
        byRow.put("GET /api/disputes/{id}", r -> get("/api/disputes/" + dispute()));
        byRow.put("GET /api/disputes/{id}/receipt", r -> get("/api/disputes/" + disputeWithReceipt() + "/receipt"));
        byRow.put("POST /api/receivables/{externalId}/promises", r -> new Call(HttpMethod.POST,
                "/api/receivables/" + registered() + "/promises", "{\"amount\": \"100.00\", \"date\": \"2026-03-12\"}"));
        byRow.put("GET /api/receivables/{externalId}/promises", r -> get("/api/receivables/" + registered() + "/promises"));
        byRow.put("POST /api/disputes/{id}/resolution", r -> new Call(HttpMethod.POST, "/api/disputes/" + dispute() + "/resolution",
                "{\"outcome\": \"REJECTED\", \"note\": \"a cobrança é devida\"}"));
        byRow.put("GET /api/desk/tasks/{taskId}", r -> get("/api/desk/tasks/" + callTask()));
        byRow.put("POST /api/desk/tasks/{taskId}/outcome", r -> new Call(HttpMethod.POST, "/api/desk/tasks/" + callTask() + "/outcome",
                "{\"outcome\": \"NO_ANSWER\"}"));
        byRow.put("GET /desk/tasks", r -> get("/desk/tasks?taskId=" + callTask()));
        byRow.put("GET /desk/tasks/{taskId}", r -> get("/desk/tasks/" + callTask()));
        byRow.put("GET /api/customers/{externalId}/opt-outs", r -> get("/api/customers/cust-" + registered() + "/opt-outs"));
        byRow.put("POST /api/customers/{externalId}/opt-outs", r -> new Call(HttpMethod.POST,
                "/api/customers/cust-" + registered() + "/opt-outs", "{\"channel\": \"SMS\"}"));
        byRow.put("DELETE /api/customers/{externalId}/opt-outs/{channel}", r -> new Call(HttpMethod.DELETE,
                "/api/customers/cust-" + registered() + "/opt-outs/SMS", null));
        byRow.put("POST /api/contacts/{id}/status", r -> new Call(HttpMethod.POST, "/api/contacts/" + contact() + "/status",
                "{\"status\": \"DELIVERED\"}"));
        byRow.put("GET /api/contacts/{id}/document", r -> get("/api/contacts/" + letter() + "/document"));
        byRow.put("GET /api/letters/batch", r -> get("/api/letters/batch?date=2026-03-10"));
        byRow.put("GET /api/policy", r -> get("/api/policy"));
        byRow.put("GET /api/policy/versions", r -> get("/api/policy/versions"));
        byRow.put("GET /api/policy/versions/{number}", r -> get("/api/policy/versions/1"));
        byRow.put("POST /api/policy/validate", r -> new Call(HttpMethod.POST, "/api/policy/validate", sameGrace()));
        byRow.put("POST /api/policy/simulate", r -> new Call(HttpMethod.POST, "/api/policy/simulate?limit=1", sameGrace()));
        byRow.put("PUT /api/policy", r -> new Call(HttpMethod.PUT, "/api/policy", sameGrace()));
        byRow.put("POST /api/policy/versions/{number}/activate", r -> new Call(HttpMethod.POST,
                "/api/policy/versions/" + policy.active().number() + "/activate", "{\"comment\": \"matrix\"}"));
        byRow.put("POST /api/policy/versions/{number}/schedule", r -> new Call(HttpMethod.POST,
                "/api/policy/versions/" + policy.active().number() + "/schedule",
                "{\"effectiveAt\": \"2099-01-01T00:00:00-03:00\", \"comment\": \"matrix\"}"));
        byRow.put("GET /api/policy/schedules", r -> get("/api/policy/schedules"));
        byRow.put("GET /api/policy/tables/{file}", r -> get("/api/policy/tables/discounts.drl.csv"));
        byRow.put("POST /api/policy/tables/{file}/check", r -> new Call(HttpMethod.POST, "/api/policy/tables/discounts.drl.csv/check",
                sameDiscounts()));
        byRow.put("GET /api/policy/tables/{file}/xlsx", r -> get("/api/policy/tables/discounts.drl.csv/xlsx"));
        byRow.put("POST /api/policy/tables/{file}/xlsx", r -> new Call(HttpMethod.POST, "/api/policy/tables/discounts.drl.csv/xlsx",
                multipart("file", "discounts.xlsx", policyTables.xlsx("discounts.drl.csv", null))));
        byRow.put("GET /api/policy/versions/{number}/tables/{file}/diff", r -> get("/api/policy/versions/" + policy.active().number()
                + "/tables/discounts.drl.csv/diff?against=" + policy.active().number()));
        byRow.put("DELETE /api/policy/schedules/{id}", r -> new Call(HttpMethod.DELETE, "/api/policy/schedules/" + schedule(), null));
        byRow.put("GET /api/reports/aging", r -> get("/api/reports/aging"));
        byRow.put("GET /api/reports/recovery", r -> get("/api/reports/recovery?from=2026-01-01&to=2026-01-31"));
        byRow.put("POST /api/experiments", r -> new Call(HttpMethod.POST, "/api/experiments", """
                {"name": "matrix", "challengerVersion": %d, "sharePercent": 10, "startsAt": "%s", "endsAt": "%s"}"""
                .formatted(challengerVersion(), experimentStart(), experimentStart().plusHours(1))));
        byRow.put("GET /api/experiments", r -> get("/api/experiments"));
        byRow.put("GET /api/experiments/{id}", r -> get("/api/experiments/" + experiment()));
        byRow.put("POST /api/experiments/{id}/stop", r -> new Call(HttpMethod.POST, "/api/experiments/" + experiment() + "/stop", null));
        byRow.put("GET /api/reports/experiments/{id}", r -> get("/api/reports/experiments/" + experiment()));
        byRow.put("GET /api/reports/bureau", r -> get("/api/reports/bureau?from=2026-01-01&to=2026-01-31"));
        byRow.put("GET /api/audit", r -> get("/api/audit"));
        byRow.put("POST /api/webhooks", r -> new Call(HttpMethod.POST, "/api/webhooks",
                "{\"url\": \"https://erp.example.com/regua/events\", \"events\": [\"receivable.paid\"]}"));
        byRow.put("GET /api/webhooks", r -> get("/api/webhooks"));
        byRow.put("DELETE /api/webhooks/{id}", r -> new Call(HttpMethod.DELETE, "/api/webhooks/" + webhook(), null));
        byRow.put("POST /api/webhooks/{id}/pause", r -> new Call(HttpMethod.POST, "/api/webhooks/" + webhook() + "/pause", null));
        byRow.put("POST /api/webhooks/{id}/resume", r -> new Call(HttpMethod.POST, "/api/webhooks/" + webhook() + "/resume", null));
        byRow.put("GET /api/webhooks/{id}/deliveries", r -> get("/api/webhooks/" + webhook() + "/deliveries"));
        byRow.put("POST /api/webhooks/events/{eventId}/resend", r -> new Call(HttpMethod.POST,
                "/api/webhooks/events/" + webhookEvent() + "/resend", null));
        byRow.put("POST /api/simulation/advance", r -> new Call(HttpMethod.POST, "/api/simulation/advance",
                "{\"to\": \"" + clock.instant().plusSeconds(60) + "\"}"));
        byRow.put("GET /api/session", r -> get("/api/session"));
        byRow.put("GET /policy", r -> get("/policy"));
        byRow.put("GET /policy/**", r -> get("/policy/policy.js"));
        byRow.put("GET /reports", r -> get("/reports"));
        byRow.put("GET /reports/**", r -> get("/reports/reports.js"));
        byRow.put("GET /webjars/chart.js/**", r -> get("/webjars/chart.js/4.4.1/dist/chart.umd.js"));
        // the tests give each engine its own name
        byRow.put("GET /engine-rest/**", r -> get("/engine-rest/engine/" + engineName + "/process-definition/count"));
        byRow.put("any /engine-rest/**", r -> new Call(HttpMethod.POST, "/engine-rest/engine/" + engineName
                + "/process-instance/count", "{}"));
        byRow.put("any /camunda/api/admin/setup/**", r -> new Call(HttpMethod.POST, "/camunda/api/admin/setup/" + engineName
                + "/user/create", "{\"profile\": {\"id\": \"intruder\"}, \"credentials\": {\"password\": \"intruder\"}}"));
        byRow.put("any /camunda/**", r -> get("/camunda/app/welcome/" + engineName + "/"));
        byRow.put("GET /actuator/health", r -> get("/actuator/health"));
        byRow.put("GET /actuator/prometheus", r -> get("/actuator/prometheus"));
        byRow.put("GET /actuator/**", r -> get("/actuator/metrics"));
        byRow.put("GET /v3/api-docs/**", r -> get("/v3/api-docs"));
        byRow.put("GET /v3/api-docs.yaml", r -> get("/v3/api-docs.yaml"));
        byRow.put("GET /swagger-ui/**", r -> get("/swagger-ui/index.html"));
        byRow.put("GET /swagger-ui.html", r -> get("/swagger-ui.html"));
        byRow.put("GET /", r -> get("/"));
        byRow.put("any /login", r -> get("/login"));
        byRow.put("GET /favicon.ico", r -> get("/favicon.ico"));
        byRow.put("POST /logout", r -> new Call(HttpMethod.POST, "/logout", null));
        byRow.put("any /error", r -> get("/error"));
        byRow.put("GET /p/{token}", r -> get(portalLink()));
        byRow.put("POST /p/{token}/confirm", r -> form(portalLink() + "/confirm", "digitos=52998"));
        byRow.put("POST /p/{token}/offers", r -> form(portalLink() + "/offers", "oferta=x"));
        byRow.put("GET /p/{token}/quitacao/{reference}", r -> get(portalLink() + "/quitacao/x"));
        byRow.put("GET /dicas", r -> get("/dicas"));
        byRow.put("POST /p/{token}/preferences", r -> form(portalLink() + "/preferences", "recusar=SMS"));
        byRow.put("POST /p/{token}/reason", r -> form(portalLink() + "/reason", "motivo=FORGOT"));
        byRow.put("POST /p/{token}/contact-preference", r -> form(portalLink() + "/contact-preference", "canal=WHATSAPP&periodo=MORNING"));
        byRow.put("POST /p/{token}/disputes", r -> form(portalLink() + "/disputes", "referencia=x&motivo=ALREADY_PAID"));
        Map<EndpointRoles.Access, Function<Role, Call>> calls = new java.util.HashMap<>();
        for (EndpointRoles.Access row : EndpointRoles.TABLE) {
            calls.put(row, byRow.get(row.methodName() + " " + row.path()));
        }
        return calls;
    }

    private static Call get(String path) {
        return new Call(HttpMethod.GET, path, null);
    }

    /** A form post, as a page sends it (the body's first character tells {@link #send} it is no JSON). */
    private static Call form(String path, String fields) {
        return new Call(HttpMethod.POST, path, "&" + fields);
    }

    /** A personal link that opens: a fresh debtor's, the path only. */
    private String portalLink() {
        String id = registered();
        String link = portalTokens.issue(receivableRepository.findCustomer("cust-" + id).orElseThrow(), null,
                java.time.OffsetDateTime.now(clock)).orElseThrow();
        return java.net.URI.create(link).getPath();
    }

    private static String next() {
        return "matrix-" + SEQUENCE.incrementAndGet();
    }

    /** Overdue since 1 February: it has offers. */
    private static String receivable(String id) {
        return receivable(id, "2026-02-01");
    }

    private static String receivable(String id, String dueDate) {
        return """
                {"externalId": "%1$s",
                 "customer": {"externalId": "cust-%1$s", "name": "Maria da Silva", "document": "529.982.247-25",
                              "type": "CONSUMER", "email": "maria@example.com", "phone": "+55 11 98765-4321", "state": "SP"},
                 "amount": "1500.00", "issueDate": "2026-01-01", "dueDate": "%2$s"}""".formatted(id, dueDate);
    }

    private String registered() {
        return registered("2026-02-01");
    }

    private String registered(String dueDate) {
        String id = next();
        try {
            HttpResponse<String> created = send(new Call(HttpMethod.POST, "/api/receivables", receivable(id, dueDate)),
                    Role.INTEGRATION);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    private String agreement() {
        try {
            String offer = offers.forReceivable(registered()).offers().get(0).id();
            HttpResponse<String> made = send(new Call(HttpMethod.POST, "/api/agreements", "{\"offerId\": \"" + offer + "\"}"),
                    Role.INTEGRATION);
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(made.body()).get("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh endpoint that hears only payments, so the other rows' calls write no deliveries to it. */
    /** A pending scheduled activation, far in the future so that it never takes effect here. */
    private long schedule() {
        return policy.schedule(policy.active().number(), java.time.OffsetDateTime.parse("2099-01-01T00:00:00-03:00"), "matrix", "matrix")
                .orElseThrow().id();
    }

    /** A version beside the active one, never activated. */
    private int challengerVersion() {
        java.util.SortedMap<String, String> files = new java.util.TreeMap<>(policy.active().files());
        String drl = files.keySet().stream().filter(f -> f.endsWith(".drl")).findFirst().orElseThrow();
        files.put(drl, files.get(drl) + "\n// " + next() + "\n");
        return policyStore.save(files, br.com.regua.policy.CompiledPolicy.hash(files), "matrix", "matrix",
                java.time.OffsetDateTime.now(clock)).number();
    }

    /** A day of its own, far ahead: experiments may not overlap, and none may draw the other tests' cases. */
    private java.time.OffsetDateTime experimentStart() {
        return java.time.OffsetDateTime.parse("2090-01-01T00:00:00-03:00").plusDays(SEQUENCE.incrementAndGet());
    }

    private long experiment() {
        java.time.OffsetDateTime start = experimentStart();
        return experiments.start(new br.com.regua.experiment.ExperimentService.NewExperiment("matrix", challengerVersion(), 10, null,
                start, start.plusHours(1)), "matrix").id();
    }

    private long webhook() {
        return webhooks.register("https://erp.example.com/regua/events", null, List.of("receivable.paid")).endpoint().id();
    }

    /** An event that exists: a receivable registered while an endpoint hears registrations. */
    private String webhookEvent() {
        long endpoint = webhooks.register("https://erp.example.com/regua/events", null, List.of("receivable.registered")).endpoint().id();
        String receivable = registered();
        webhooks.delete(endpoint);
        return jdbc.sql("select public_id from webhook_event where receivable = ?").param(receivable).query(String.class).single();
    }

    /**
     * A fresh collector call nobody took: a debt due 20 days ago (the tests' policy calls on day 20), its
     * due steps carried out now; the clock is put back where the other rows expect it.
     */
    private String callTask() {
        java.time.Instant before = clock.instant();
        String id = registered(java.time.LocalDate.ofInstant(before, java.time.ZoneId.of("America/Sao_Paulo")).minusDays(20).toString());
        String caseId = caseOf(id).getId();
        for (int step = 0; step < 6; step++) {
            var call = tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey(br.com.regua.cases.CollectionProcess.USER_TASK_CALL)
                    .singleResult();
            if (call != null) {
                clock.moveTo(before);
                return call.getId();
            }
            fireNextTimer(caseId);
        }
        throw new IllegalStateException("no collector call was queued for " + id);
    }

    private String dispute() {
        return disputes.open(registered(), "Não reconheço esta cobrança").id();
    }

    /** A dispute whose debtor attached the receipt of the payment they made (a PDF). */
    private String disputeWithReceipt() {
        return disputes.open(registered(), "Já paguei", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)).id();
    }

    /** A sent contact of a fresh case: its next stage is carried out until a message is queued. */
    /** A contact with its letter as the worker keeps it once posted. */
    private long letter() {
        long contact = contact();
        jdbc.sql("update contact set channel = 'LETTER' where id = ?").param(contact).update();
        jdbc.sql("insert into letter (contact_id, pdf, address, created_at) values (?, ?, ?, current_timestamp)")
                .params(contact, "%PDF-1.4 matrix".getBytes(StandardCharsets.UTF_8), "Rua das Flores, 123, CEP 01310-100").update();
        return contact;
    }

    private long contact() {
        String id = registered("2026-03-20");
        String caseId = caseOf(id).getId();
        for (int step = 0; step < 5; step++) {
            Long contact = jdbc.sql("select max(c.id) from contact c join receivable r on r.id = c.receivable_id where r.external_id = ?")
                    .param(id).query(Long.class).optional().orElse(null);
            if (contact != null) {
                // as the delivery worker leaves it once the provider took it: a delivery report may now come
                jdbc.sql("update contact set status = 'SENT', sent_at = updated_at where id = ?").param(contact).update();
                return contact;
            }
            fireNextTimer(caseId);
        }
        throw new IllegalStateException("no contact was queued for " + id);
    }

    /** The discounts table of the active policy as a grid, unchanged. */
    private String sameDiscounts() {
        String text = policy.active().files().get("discounts.drl.csv");
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                    Map.of("tables", br.com.regua.policy.DecisionTables.read("discounts.drl.csv", text, List.of()).tables()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A multipart form with one file, its bytes carried one char each (sent as ISO-8859-1, see send). */
    private static String multipart(String part, String name, byte[] content) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                + new String(content, StandardCharsets.ISO_8859_1) + "\r\n--" + BOUNDARY + "--\r\n";
    }

    private String sameGrace() {
        String grace = policy.active().files().get("grace.drl");
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("files", Map.of("grace.drl", grace)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- what each row must answer

    private static boolean isPage(EndpointRoles.Access row) {
        return !(row.path().startsWith("/api/") || row.path().startsWith("/engine-rest/") || row.path().startsWith("/actuator/")
                || row.path().startsWith("/v3/"));
    }

    private static boolean letsIn(EndpointRoles.Access row, Role role) {
        return row.audience() != EndpointRoles.Audience.ROLES || row.allowed().contains(role);
    }

    /**
     * What anyone, signed in or not, gets from the debtor portal without having confirmed the
     * identity in this browser: the identity check and nothing of the debt; a form posted without the
     * page's CSRF token is refused, credentials or not.
     */
    private static String debtorSees(EndpointRoles.Access row) {
        return row.method() != HttpMethod.GET ? "403 (no CSRF token)"
                : row.path().equals("/p/{token}") ? "the identity check, nothing of the debt" : "a redirect to the identity check";
    }

    private static boolean answers(EndpointRoles.Access row, HttpResponse<String> response, Role role) {
        int status = response.statusCode();
        if (row.audience() == EndpointRoles.Audience.DEBTOR) {
            if (row.method() != HttpMethod.GET) {
                return status == 403;
            }
            return row.path().equals("/p/{token}")
                    ? status == 200 && response.body().contains("Confirme a sua identidade") && !response.body().contains("R$ 1.500")
                    : status == 302 && response.headers().firstValue("Location").orElse("").matches(".*/p/[A-Za-z0-9_-]{22}");
        }
        boolean toLogin = status == 302 && response.headers().firstValue("Location").orElse("").endsWith("/login");
        if (role == null && row.audience() != EndpointRoles.Audience.PUBLIC) {
            return isPage(row) ? toLogin : status == 401;
        }
        if (role != null && !letsIn(row, role)) {
            return status == 403;
        }
        if (row.path().startsWith("/camunda/api/admin/setup")) {
            // admins pass Régua's check, and Camunda refuses: an administrator exists
            return status != 401 && status != 200 && status != 204;
        }
        if (row.path().equals("/error")) {
            return status != 401 && status != 403;
        }
        return (status >= 200 && status < 300) || (isPage(row) && status >= 300 && status < 400 && !toLogin);
    }

    private static String describe(EndpointRoles.Access row, String who, String expected, HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        return row.methodName() + " " + row.path() + " as " + who + ": expected " + expected + ", got " + response.statusCode()
                + " " + body.substring(0, Math.min(200, body.length()));
    }

    private HttpResponse<String> send(Call call, Role role) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(call.path()));
        if (role != null) {
            request.header("Authorization", basic(TestUsers.user(role), password(role)));
        }
        boolean multipart = call.body() != null && call.body().startsWith("--" + BOUNDARY);
        if (call.body() != null) {
            request.header("Content-Type", multipart ? "multipart/form-data; boundary=" + BOUNDARY
                    : call.body().startsWith("&") ? "application/x-www-form-urlencoded" : "application/json");
        }
        request.method(call.method().name(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body(), multipart ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String password(Role role) {
        return TestUsers.user(role) + "-password";
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
