package br.com.regua.integration.agency;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Any agency that speaks Régua's generic JSON, as the bureau does: {@code POST {url}/placements}
 * with the placement, answered {@code {"id"}}; {@code DELETE {url}/placements/{id}?reason=…} to
 * recall it. The placement's reference is the {@code Idempotency-Key}, the token a bearer token. A
 * 409 to a placement is the same reference placed before; a 404 to a recall is a placement already
 * gone. 5xx, 408, 429 and no answer are tried again; any other 4xx is refused.
 */
@Component
class HttpAgencyApi implements AgencyApi {

    private final AgencyProperties settings;
    private final ObjectMapper json;
    private final HttpClient http;

    HttpAgencyApi(AgencyProperties settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Answer place(String agency, String reference, Map<String, Object> placement) {
        AgencyProperties.Agency a = settings.agency(agency).orElse(null);
        if (a == null) {
            return new Answer(Outcome.RETRY, null, "the agency " + agency + " is not configured");
        }
        String body;
        try {
            body = json.writeValueAsString(placement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return call(a, request(a, "/placements", reference).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), 409);
    }

    @Override
    public Answer recall(String agency, String id, String reference, String reason) {
        AgencyProperties.Agency a = settings.agency(agency).orElse(null);
        if (a == null) {
            return new Answer(Outcome.RETRY, null, "the agency " + agency + " is not configured");
        }
        return call(a, request(a, "/placements/" + encode(id) + "?reason=" + encode(reason), reference + ":recall").DELETE(), 404);
    }

    private HttpRequest.Builder request(AgencyProperties.Agency a, String path, String idempotencyKey) {
        String base = a.url().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path))
                .timeout(a.timeout())
                .header("Accept", "application/json")
                .header("User-Agent", "Regua-Agency/1")
                .header("Idempotency-Key", idempotencyKey);
        if (a.token() != null && !a.token().isBlank()) {
            request.header("Authorization", "Bearer " + a.token());
        }
        return request;
    }

    /** {@code already}: the status code that means "done before" for this call. */
    private Answer call(AgencyProperties.Agency a, HttpRequest.Builder request, int already) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return new Answer(Outcome.RETRY, null, "the agency did not answer within " + a.timeout().toSeconds() + "s");
        } catch (IOException e) {
            return new Answer(Outcome.RETRY, null, "the agency is unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Outcome.RETRY, null, "interrupted while calling the agency");
        }
        int code = response.statusCode();
        JsonNode body = read(response.body());
        String id = body != null && body.hasNonNull("id") ? body.get("id").asText() : null;
        if (code == already) {
            return new Answer(Outcome.ALREADY, id, null);
        }
        if (code >= 200 && code < 300) {
            return new Answer(Outcome.DONE, id, null);
        }
        String error = "the agency answered " + code + (body != null && body.hasNonNull("detail") ? ": " + body.get("detail").asText() : "");
        boolean retry = code >= 500 || code == 408 || code == 429;
        return new Answer(retry ? Outcome.RETRY : Outcome.REFUSED, null, error);
    }

    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            return null; // the status code is the answer
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
