package br.com.regua.security;

import static br.com.regua.security.Role.ANALYST;
import static br.com.regua.security.Role.COLLECTOR;
import static br.com.regua.security.Role.CREDIT_MANAGER;
import static br.com.regua.security.Role.INTEGRATION;
import static br.com.regua.security.Role.MONITORING;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one table of who may call what. The security filter chain is built from it, the README shows
 * it, and the endpoint matrix test walks it. Admins may call everything; they are not repeated in
 * each row. Rows are matched in order: the first whose method and path match decides.
 */
public final class EndpointRoles {

    /** Who a row lets in. */
    public enum Audience {
        /** anyone, signed in or not */
        PUBLIC,
        /** any signed-in identity, whatever its role */
        SIGNED_IN,
        /** the roles the row names, and admins */
        ROLES,
        /**
         * no role at all: the debtor behind a personal link of the debtor portal, once they confirmed who
         * they are in this browser; the page itself checks both, and a role opens nothing there
         */
        DEBTOR
    }

    /**
     * One row.
     *
     * @param method   the HTTP method, or null for every method
     * @param path     a path pattern ({@code {name}} one segment, {@code **} the rest)
     * @param audience who gets in
     * @param roles    with {@link Audience#ROLES}: the roles besides admins
     * @param what     what the endpoint is for, as the README says it
     */
    public record Access(HttpMethod method, String path, Audience audience, Set<Role> roles, String what) {

        /** The roles that pass, admins included; empty when the audience is not a set of roles. */
        public Set<Role> allowed() {
            if (audience != Audience.ROLES) {
                return Set.of();
            }
            Set<Role> all = new LinkedHashSet<>(roles);
            all.add(Role.ADMIN);
            return all;
        }

        public String methodName() {
            return method == null ? "any" : method.name();
        }

        /** Who gets in, as the README and the OpenAPI document say it. */
        public String who() {
            return switch (audience) {
                case PUBLIC -> "anyone";
                case SIGNED_IN -> "any signed-in user";
                case ROLES -> allowed().stream().map(r -> "`" + r.group() + "`").collect(Collectors.joining(", "));
                case DEBTOR -> "the debtor of the link, identity confirmed (no role)";
            };
        }

        boolean matches(HttpMethod requestMethod, String requestPath) {
            return (method == null || method.equals(requestMethod))
                    && PathPatternParser.defaultInstance.parse(path).matches(PathContainer.parsePath(requestPath));
        }
    }

    public static final List<Access> TABLE = List.of(
            // the API: backends, credit managers, collectors, analysts
            roles(HttpMethod.POST, "/api/receivables", "register a receivable", INTEGRATION),
            roles(HttpMethod.POST, "/api/receivables/batch", "register many receivables", INTEGRATION),
            roles(HttpMethod.GET, "/api/receivables", "receivables, filtered and paged (JSON or CSV)",
                    INTEGRATION, COLLECTOR, CREDIT_MANAGER, ANALYST),
            roles(HttpMethod.GET, "/api/receivables/{externalId}", "a receivable: status, charges, timeline",
                    INTEGRATION, COLLECTOR, CREDIT_MANAGER, ANALYST),
            roles(HttpMethod.GET, "/api/receivables/{externalId}/decisions", "every decision taken for a case",
                    CREDIT_MANAGER, ANALYST, COLLECTOR),
            roles(HttpMethod.GET, "/api/receivables/{externalId}/offers", "renegotiation offers for a receivable",
                    INTEGRATION, COLLECTOR),
            roles(HttpMethod.GET, "/api/customers/{externalId}/offers", "renegotiation offers for a customer",
                    INTEGRATION, COLLECTOR),
            roles(HttpMethod.POST, "/api/agreements", "accept an offer", INTEGRATION),
            roles(HttpMethod.GET, "/api/agreements/{id}", "an agreement and its installments", INTEGRATION, COLLECTOR, ANALYST),
            roles(HttpMethod.POST, "/api/payments", "register a payment (one a collection agency collected names it: its commission is recorded)",
                    INTEGRATION),
            roles(HttpMethod.POST, "/api/receivables/{externalId}/disputes", "open a dispute", INTEGRATION),
            roles(HttpMethod.GET, "/api/disputes/{id}", "a dispute", INTEGRATION, COLLECTOR, ANALYST),
            roles(HttpMethod.POST, "/api/disputes/{id}/resolution", "resolve a dispute", INTEGRATION),
            roles(HttpMethod.GET, "/api/disputes/{id}/receipt", "the receipt a debtor attached to \"Já paguei\" (PDF, PNG or JPEG), "
                    + "for whoever resolves the dispute", INTEGRATION),
            roles(HttpMethod.POST, "/api/receivables/{externalId}/promises", "record a promise to pay", COLLECTOR, INTEGRATION),
            roles(HttpMethod.GET, "/api/receivables/{externalId}/promises", "the promises to pay of a receivable",
                    COLLECTOR, INTEGRATION, CREDIT_MANAGER, ANALYST),
            roles(HttpMethod.GET, "/api/desk/tasks/{taskId}", "a call task: the debtor, the debt broken down, what was paid, agreed, "
                    + "promised and said, the approach script", COLLECTOR),
            roles(HttpMethod.POST, "/api/desk/tasks/{taskId}/outcome", "record how a call ended and complete its task (the collector "
                    + "who took it, or takes it now)", COLLECTOR),
            roles(HttpMethod.GET, "/api/customers/{externalId}/opt-outs", "a debtor's opt-outs", INTEGRATION, COLLECTOR),
            roles(HttpMethod.POST, "/api/customers/{externalId}/opt-outs", "a debtor opts out of a channel", INTEGRATION),
            roles(HttpMethod.DELETE, "/api/customers/{externalId}/opt-outs/{channel}", "a debtor accepts a channel again",
                    INTEGRATION),
            roles(HttpMethod.POST, "/api/contacts/{id}/status", "a provider's delivery report (for a letter: tracking code and return "
                    + "receipt)", INTEGRATION),
            roles(HttpMethod.GET, "/api/contacts/{id}/document", "the PDF of a letter", INTEGRATION),
            roles(HttpMethod.GET, "/api/letters/batch", "the day's letters to post: one ZIP with a PDF each and a CSV manifest",
                    INTEGRATION),
            roles(HttpMethod.GET, "/api/policy", "the active policy and its files", CREDIT_MANAGER, ANALYST),
            roles(HttpMethod.GET, "/api/policy/versions", "every policy version", CREDIT_MANAGER, ANALYST),
            roles(HttpMethod.GET, "/api/policy/versions/{number}", "one policy version with its diff", CREDIT_MANAGER, ANALYST),
            roles(HttpMethod.POST, "/api/policy/validate", "compile and test a policy edit", CREDIT_MANAGER),
            roles(HttpMethod.POST, "/api/policy/simulate", "what-if of a policy edit on the open cases", CREDIT_MANAGER),
            roles(HttpMethod.PUT, "/api/policy", "a policy edit as a new version: active, or proposed with four eyes", CREDIT_MANAGER),
            roles(HttpMethod.POST, "/api/policy/versions/{number}/activate", "activate a version: roll back, or approve a proposal", CREDIT_MANAGER),
            roles(HttpMethod.POST, "/api/policy/versions/{number}/schedule", "set a version to take effect at a date and time", CREDIT_MANAGER),
            roles(HttpMethod.GET, "/api/policy/schedules", "scheduled activations, the pending ones first", CREDIT_MANAGER, ANALYST),
            roles(HttpMethod.GET, "/api/policy/tables/{file}", "a decision table file as a grid of typed cells", CREDIT_MANAGER, ANALYST),
            roles(HttpMethod.POST, "/api/policy/tables/{file}/check", "a grid checked cell by cell into the CSV text it writes", CREDIT_MANAGER),
            roles(HttpMethod.GET, "/api/policy/tables/{file}/xlsx", "a decision table file as a spreadsheet (XLSX)", CREDIT_MANAGER, ANALYST),
            roles(HttpMethod.POST, "/api/policy/tables/{file}/xlsx", "a spreadsheet edited outside, checked into the CSV text it writes", CREDIT_MANAGER),
            roles(HttpMethod.GET, "/api/policy/versions/{number}/tables/{file}/diff", "the cells of a table two versions differ in", CREDIT_MANAGER, ANALYST),
            roles(HttpMethod.DELETE, "/api/policy/schedules/{id}", "cancel a pending scheduled activation", CREDIT_MANAGER),
            roles(HttpMethod.GET, "/api/reports/aging", "the open portfolio by days overdue, segment and stage (JSON or CSV)",
                    CREDIT_MANAGER, ANALYST),
            roles(HttpMethod.GET, "/api/reports/recovery", "what a period recovered against what was due, by stage, segment, "
                    + "channel, policy version and collection agency (JSON or CSV)", CREDIT_MANAGER, ANALYST),
            roles(HttpMethod.POST, "/api/experiments", "start a champion/challenger experiment of a policy version", CREDIT_MANAGER),
            roles(HttpMethod.GET, "/api/experiments", "the champion/challenger experiments", CREDIT_MANAGER, ANALYST),
            roles(HttpMethod.GET, "/api/experiments/{id}", "one experiment and where it stands", CREDIT_MANAGER, ANALYST),
            roles(HttpMethod.POST, "/api/experiments/{id}/stop", "stop an experiment drawing new cases", CREDIT_MANAGER),
            roles(HttpMethod.GET, "/api/reports/experiments/{id}", "an experiment's arms compared: recovery, cure, days to pay, "
                    + "discounts and messages, with confidence intervals", CREDIT_MANAGER, ANALYST),
            roles(HttpMethod.GET, "/api/reports/bureau", "credit bureau listings and removals of a period, and whether each removal "
                    + "met its legal deadline (JSON or CSV)", CREDIT_MANAGER, ANALYST),
            roles(HttpMethod.GET, "/api/audit", "the audit log"),
            roles(HttpMethod.POST, "/api/webhooks", "register a webhook endpoint (its secret is shown once)"),
            roles(HttpMethod.GET, "/api/webhooks", "the webhook endpoints"),
            roles(HttpMethod.DELETE, "/api/webhooks/{id}", "remove a webhook endpoint"),
            roles(HttpMethod.POST, "/api/webhooks/{id}/pause", "pause a webhook endpoint"),
            roles(HttpMethod.POST, "/api/webhooks/{id}/resume", "resume a paused webhook endpoint"),
            roles(HttpMethod.GET, "/api/webhooks/{id}/deliveries", "an endpoint's deliveries, with every attempt"),
            roles(HttpMethod.POST, "/api/webhooks/events/{eventId}/resend", "send an event again"),
            roles(HttpMethod.POST, "/api/simulation/advance", "move the simulation clock (simulation profile only)"),
            signedIn(HttpMethod.GET, "/api/session", "who is signed in, with the CSRF token for pages"),
            // pages
            roles(HttpMethod.GET, "/policy", "the policy page", CREDIT_MANAGER),
            roles(HttpMethod.GET, "/policy/**", "the policy page's files", CREDIT_MANAGER),
            roles(HttpMethod.GET, "/desk/tasks", "the call form, as Tasklist opens it (`?taskId=`): sends on to the task's page", COLLECTOR),
            roles(HttpMethod.GET, "/desk/tasks/{taskId}", "the call form of a call task: what to say, and how the call ended", COLLECTOR),
            roles(HttpMethod.GET, "/reports", "the reports page", CREDIT_MANAGER, ANALYST),
            roles(HttpMethod.GET, "/reports/**", "the reports page's files", CREDIT_MANAGER, ANALYST),
            roles(HttpMethod.GET, "/webjars/chart.js/**", "Chart.js, which draws the reports page's charts", CREDIT_MANAGER, ANALYST),
            // the debtor portal: no role, a personal link and the identity confirmed for it in this browser
            debtor(HttpMethod.GET, "/p/{token}", "the debtor portal: what the debtor owes, how to pay, the offers (the identity check first)"),
            debtor(HttpMethod.POST, "/p/{token}/confirm", "the debtor portal: the identity check (first digits of the CPF/CNPJ), limited and slowed"),
            debtor(HttpMethod.POST, "/p/{token}/offers", "the debtor portal: accept an offer, as `POST /api/agreements`"),
            debtor(HttpMethod.GET, "/p/{token}/quitacao/{reference}", "the debtor portal: the declaração de quitação of a paid receivable (PDF)"),
            debtor(HttpMethod.POST, "/p/{token}/preferences", "the debtor portal: the channels the debtor refuses, as the opt-outs of the API"),
            debtor(HttpMethod.POST, "/p/{token}/disputes", "the debtor portal: \"Já paguei\" (with a receipt, optionally) or \"Não reconheço\", as a dispute from the API"),
            debtor(HttpMethod.POST, "/p/{token}/contact-preference", "the debtor portal: the channel and time of day the debtor prefers, facts the rules read"),
            debtor(HttpMethod.POST, "/p/{token}/reason", "the debtor portal: why the debtor could not pay, a fact the rules read"),
            publicly(HttpMethod.GET, "/dicas", "financial-education tips for debtors, linked from reminders (a file the business edits)"),
            // Camunda: its REST API honours the same identities, and its authorizations narrow it further
            roles(HttpMethod.GET, "/engine-rest/**", "Camunda's REST API, reading", ANALYST),
            roles(null, "/engine-rest/**", "Camunda's REST API, writing: deployments, instances, users"),
            // Camunda's first-user setup would let anyone signed in make an administrator where none is in
            // camunda-admin; Régua makes the administrator itself, so only admins reach it (and Camunda refuses)
            roles(null, "/camunda/api/admin/setup/**", "Camunda's first-user setup: never needed"),
            signedIn(null, "/camunda/**", "Cockpit, Tasklist, Admin: Camunda authorizations decide which"),
            // operations and the contract
            publicly(HttpMethod.GET, "/actuator/health", "health status, without details"),
            roles(HttpMethod.GET, "/actuator/prometheus", "metrics for Prometheus (the `regua_*` series and the JVM's)", MONITORING),
            roles(HttpMethod.GET, "/actuator/**", "health details, metrics, info"),
            signedIn(HttpMethod.GET, "/v3/api-docs/**", "the OpenAPI document"),
            signedIn(HttpMethod.GET, "/v3/api-docs.yaml", "the OpenAPI document as YAML"),
            signedIn(HttpMethod.GET, "/swagger-ui/**", "Swagger UI"),
            signedIn(HttpMethod.GET, "/swagger-ui.html", "Swagger UI"),
            signedIn(HttpMethod.GET, "/", "the start page (Camunda's welcome)"),
            publicly(null, "/login", "the login page"),
            publicly(HttpMethod.GET, "/favicon.ico", "the browser's icon"),
            publicly(HttpMethod.POST, "/logout", "log out (ends the session, if any)"),
            publicly(null, "/error", "error pages"));

    private EndpointRoles() {
    }

    private static Access roles(HttpMethod method, String path, String what, Role... roles) {
        Set<Role> set = roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles);
        return new Access(method, path, Audience.ROLES, set, what);
    }

    private static Access signedIn(HttpMethod method, String path, String what) {
        return new Access(method, path, Audience.SIGNED_IN, Set.of(), what);
    }

    private static Access debtor(HttpMethod method, String path, String what) {
        return new Access(method, path, Audience.DEBTOR, Set.of(), what);
    }

    private static Access publicly(HttpMethod method, String path, String what) {
        return new Access(method, path, Audience.PUBLIC, Set.of(), what);
    }

    /** The row that decides a request (the first that matches), if any. */
    public static Optional<Access> find(HttpMethod method, String path) {
        return TABLE.stream().filter(a -> a.matches(method, path)).findFirst();
    }

    /** The table as the README shows it (Markdown). */
    public static String markdown() {
        StringBuilder md = new StringBuilder("| method | path | who | what |\n| --- | --- | --- | --- |\n");
        for (Access a : TABLE) {
            md.append("| ").append(a.methodName()).append(" | `").append(a.path()).append("` | ").append(a.who())
                    .append(" | ").append(a.what()).append(" |\n");
        }
        return md.toString();
    }
}
