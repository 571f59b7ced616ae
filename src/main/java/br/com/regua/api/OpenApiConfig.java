package br.com.regua.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.security.EndpointRoles;
import br.com.regua.security.Role;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): every
 * operation carries the roles of {@link EndpointRoles} (in its description and as {@code x-roles}),
 * the ways to sign in, and the problem details it may answer.
 */
@Configuration
class OpenApiConfig {

    static final String BASIC = "basic";
    static final String BEARER = "bearer";
    static final String SESSION = "session";

    private static Object parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("an OpenAPI example is not JSON: " + json, e);
        }
    }

    @Bean
    OpenAPI reguaOpenApi() {
        Schema<?> problem = new Schema<>().type("object")
                .addProperty("type", new Schema<>().type("string").format("uri").example("https://regua.dev/problems/invalid-input"))
                .addProperty("title", new Schema<>().type("string").example("Invalid input"))
                .addProperty("status", new Schema<>().type("integer").example(400))
                .addProperty("detail", new Schema<>().type("string").example("amount must have at most two decimals"))
                .addProperty("field", new Schema<>().type("string").example("amount"))
                .addProperty("errors", new Schema<>().type("array").items(new Schema<>().type("object")
                        .addProperty("field", new Schema<>().type("string"))
                        .addProperty("message", new Schema<>().type("string"))));
        return new OpenAPI()
                .info(new Info().title("Régua API").version("1")
                        .description("Collection workflow server: register debts and payments, follow cases, change the policy. "
                                + "Every error is an RFC 9457 problem detail naming the field. Money is a string with two "
                                + "decimals, in reais."))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("a Régua user or integration client (Camunda Admin manages them)"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("a token of the company's identity provider, when configured"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("the session of a person signed in at /login; writes need the X-CSRF-TOKEN header"))
                        .addSchemas("Problem", problem));
    }

    /** Roles, security and problem responses on every operation, from the one role table. */
    @Bean
    OpenApiCustomizer rolesAndProblems() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    document(HttpMethod.valueOf(method.name()), path, operation)));
        };
    }

    /** What a client sends, as the README shows it: one example per operation that takes a body. */
    static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("POST /api/receivables", """
                    {"externalId": "INV-2026-0001",
                     "customer": {"externalId": "C-42", "name": "Maria da Silva", "document": "529.982.247-25", "type": "CONSUMER",
                                  "email": "maria@example.com", "phone": "+55 11 98765-4321", "state": "SP",
                                  "preferredChannel": "WHATSAPP", "preferredTime": "MORNING",
                                  "address": {"street": "Rua das Flores", "number": "123", "complement": "apto 45",
                                              "district": "Jardim Paulista", "city": "São Paulo", "state": "SP",
                                              "postalCode": "01310-100"}},
                     "amount": "1500.00", "issueDate": "2026-11-01", "dueDate": "2026-12-10", "description": "Mensalidade de dezembro"}"""),
            Map.entry("POST /api/payments", """
                    {"externalId": "PIX-E2E-123", "receivableExternalId": "INV-2026-0001", "amount": "1500.00", "method": "PIX",
                     "paidAt": "2026-12-09T14:31:00-03:00"}"""),
            Map.entry("POST /api/agreements", """
                    {"offerId": "eyJyZWNlaXZhYmxlcyI6WyJJTlYtMjAyNi0wMDAxIl0..."}"""),
            Map.entry("POST /api/receivables/{externalId}/disputes", """
                    {"reason": "Não reconheço esta cobrança"}"""),
            Map.entry("POST /api/receivables/{externalId}/promises", """
                    {"amount": "500.00", "date": "2026-12-18"}"""),
            Map.entry("POST /api/desk/tasks/{taskId}/outcome", """
                    {"outcome": "PROMISE_TO_PAY", "amount": "500.00", "date": "2026-12-18", "note": "recebe o salário na quinta"}"""),
            Map.entry("POST /api/disputes/{id}/resolution", """
                    {"outcome": "UPHELD", "correctedAmount": "1200.00", "note": "desconto de pontualidade não aplicado"}"""),
            Map.entry("POST /api/customers/{externalId}/opt-outs", """
                    {"channel": "SMS"}"""),
            // a letter's return receipt (AR); a bounce is {"status": "FAILED", "reason": "número inexistente"}
            Map.entry("POST /api/contacts/{id}/status", """
                    {"status": "DELIVERED", "trackingCode": "BR123456789BR", "receivedAt": "2026-12-03T14:20:00-03:00"}"""),
            Map.entry("PUT /api/policy", """
                    {"comment": "two more days for regular customers", "files": {"grace.drl.csv": "...the whole new content..."},
                     "effectiveAt": "2027-01-01T00:00:00-03:00"}"""),
            Map.entry("POST /api/policy/versions/{number}/activate", """
                    {"comment": "back to version 2"}"""),
            Map.entry("POST /api/policy/versions/{number}/schedule", """
                    {"effectiveAt": "2027-01-01T00:00:00-03:00", "comment": "new grace days from January"}"""),
            Map.entry("POST /api/simulation/advance", """
                    {"to": "2026-12-15T09:00:00-03:00"}"""),
            Map.entry("POST /api/receivables/batch", """
                    {"items": [{"externalId": "INV-2026-0002",
                                "customer": {"externalId": "C-43", "name": "João Souza", "document": "123.456.789-09",
                                             "type": "CONSUMER", "email": "joao@example.com", "state": "RJ"},
                                "amount": "320.50", "issueDate": "2026-11-01", "dueDate": "2026-12-10"}]}"""),
            Map.entry("POST /api/policy/validate", """
                    {"files": {"grace.drl": "...the whole new content..."}}"""),
            Map.entry("POST /api/webhooks", """
                    {"url": "https://erp.example.com/regua/events", "events": ["stage.reached", "receivable.paid"]}"""),
            Map.entry("POST /api/policy/tables/{file}/check", """
                    {"tables": [{"name": "Grace", "rows": [{"cells": ["Good payers get days of grace", "GOOD_PAYER", "7"]},
                                                           {"cells": ["Risky customers get no grace", "RISKY", "0"]}]}]}"""),
            Map.entry("POST /api/policy/tables/{file}/xlsx", """
                    {"file": "(the spreadsheet, .xlsx, as downloaded from GET /api/policy/tables/{file}/xlsx and edited)"}"""),
            Map.entry("POST /api/experiments", """
                    {"name": "Two more days of grace for regular customers", "challengerVersion": 8, "sharePercent": 20,
                     "segment": "REGULAR", "startsAt": "2027-01-01T00:00:00-03:00", "endsAt": "2027-04-01T00:00:00-03:00"}"""),
            Map.entry("POST /api/policy/simulate", """
                    {"files": {"grace.drl.csv": "...the whole new content, e.g. good payers' grace days from 5 to 7..."}}"""));

    /** What a client gets back where its shape needs showing, by operation and media type (JSON examples are parsed). */
    static final Map<String, Map<String, String>> RESPONSE_EXAMPLES = Map.of(
            "POST /api/policy/simulate", Map.of("text/csv", """
                    id,segment_before,segment_after,next_stage_before,next_stage_after,date_before,date_after,discount_before,\
                    discount_after,charges_waived_before,charges_waived_after,explanation
                    INV-2026-0001,GOOD_PAYER,GOOD_PAYER,GRACE_PERIOD,GRACE_PERIOD,2026-12-15,2026-12-17,150.00,150.00,0.00,0.00,\
                    "edited row «Good payers get days of grace» (Grace days: 5 → 7)"
                    """),
            // the offers, with each kind of offer
            "GET /api/receivables/{externalId}/offers", Map.of("application/json", """
                    {"customerExternalId": "C-42", "receivables": ["INV-2026-0001"], "asOf": "2026-12-01",
                     "principal": "1500.00", "fine": "0.00", "interest": "0.00", "total": "1500.00",
                     "renegotiationAllowed": true, "reason": null,
                     "offers": [
                       {"id": "eyJpZCI6bnVsbCwia2luZCI6IlBBWV9OT1ciLC...", "kind": "PAY_NOW", "customerExternalId": "C-42",
                        "receivables": ["INV-2026-0001"], "asOf": "2026-12-01", "expiresOn": "2026-12-11",
                        "breakdown": {"principal": "1500.00", "fine": "0.00", "interest": "0.00", "discount": "0.00",
                                      "waivedCharges": "0.00", "installmentInterest": "0.00", "total": "1500.00"},
                        "total": "1500.00", "installmentCount": 1, "downPayment": "1500.00", "installmentAmount": "1500.00",
                        "monthlyInterest": 0, "firstDueDate": "2026-12-11",
                        "installments": [{"number": 1, "dueDate": "2026-12-11", "amount": "1500.00"}],
                        "followUp": {"reminderDaysBefore": 3, "graceDays": 5, "resumeStage": "FORMAL_NOTICE"}},
                       {"id": "eyJpZCI6bnVsbCwia2luZCI6IkVYVEVOU0lPTiIs...", "kind": "EXTENSION", "customerExternalId": "C-42",
                        "receivables": ["INV-2026-0001"], "asOf": "2026-12-01", "expiresOn": "2026-12-11",
                        "breakdown": {"principal": "1500.00", "fine": "0.00", "interest": "0.00", "discount": "0.00",
                                      "waivedCharges": "0.00", "installmentInterest": "0.00", "total": "1500.00"},
                        "total": "1500.00", "installmentCount": 1, "downPayment": "1500.00", "installmentAmount": "1500.00",
                        "monthlyInterest": 0, "firstDueDate": "2026-12-17",
                        "installments": [{"number": 1, "dueDate": "2026-12-17", "amount": "1500.00"}],
                        "followUp": {"reminderDaysBefore": 3, "graceDays": 5, "resumeStage": "FORMAL_NOTICE"}}]}"""));



    private static final ObjectMapper JSON = new ObjectMapper();

    private static void document(HttpMethod method, String path, Operation operation) {
        String example = EXAMPLES.get(method.name() + " " + path);
        if (example != null && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().values().forEach(media -> media.setExample(parse(example)));
        }
        Optional<EndpointRoles.Access> access = EndpointRoles.find(method, path);
        String roles = access.map(EndpointRoles.Access::who).orElse("undocumented");
        operation.addExtension("x-roles", access.map(a -> a.allowed().stream().map(Role::group).toList()).orElse(List.of()));
        String description = operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
        operation.setDescription(description + "**Roles:** " + roles + ".");
        if (access.isPresent() && access.get().audience() != EndpointRoles.Audience.PUBLIC) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER),
                    new SecurityRequirement().addList(SESSION)));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Map<String, String> returned = RESPONSE_EXAMPLES.getOrDefault(method.name() + " " + path, Map.of());
        ApiResponse ok = responses.get("200");
        if (ok != null && ok.getContent() != null) {
            ok.getContent().forEach((type, media) -> {
                String text = returned.getOrDefault(type, type.contains("json") || type.equals("*/*") ? returned.get("application/json") : null);
                if (text != null) {
                    media.setExample(type.contains("csv") ? text : parse(text));
                }
            });
        }
        Map<String, String> problems = Map.of(
                "400", "Invalid input: the problem names the field; nothing was changed",
                "401", "No or wrong credentials",
                "403", "Your role may not do this (or a signed-in page sent no CSRF token)",
                "404", "Nothing is known under this id");
        problems.forEach((status, text) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().description(text).content(new Content()
                        .addMediaType("application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
            }
        });
        operation.setResponses(responses);
    }
}
