package br.com.regua.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

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

    private static void document(HttpMethod method, String path, Operation operation) {
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
