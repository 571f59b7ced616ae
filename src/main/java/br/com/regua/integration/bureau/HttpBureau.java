package br.com.regua.integration.bureau;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Any bureau that speaks Régua's generic JSON, as the SMS gateway does: {@code POST {url}/listings}
 * with the listing, answered {@code {"id"}}; {@code DELETE {url}/listings/{id}}; {@code GET
 * {url}/listings/{id}} answered {@code {"status"}}. The listing's reference is the
 * {@code Idempotency-Key}, the token a bearer token. A 409 to an include is the same reference
 * listed before; a 404 to a removal is a listing already gone. 5xx, 408, 429 and no answer are tried
 * again; any other 4xx is refused.
 */
class HttpBureau implements Bureau {

    private final BureauProperties settings;
    private final HttpClient http;
    private final ObjectMapper json;

    HttpBureau(BureauProperties settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Answer include(Listing l) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", l.reference());
        body.put("document", l.document());
        body.put("name", l.name());
        body.put("creditor", l.creditor());
        body.put("description", l.description());
        body.put("amount", l.amount().setScale(2).toPlainString());
        body.put("dueDate", l.dueDate().toString());
        body.put("noticeDeliveredAt", l.noticeDeliveredAt() == null ? null : l.noticeDeliveredAt().toString());
        HttpRequest.Builder request = request("/listings", l.reference())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
        return call(request, 409);
    }

    @Override
    public Answer remove(String id, String reference) {
        return call(request("/listings/" + segment(id), reference + ":removal").DELETE(), 404);
    }

    @Override
    public Answer status(String id) {
        return call(request("/listings/" + segment(id), null).GET(), 404);
    }

    private HttpRequest.Builder request(String path, String idempotencyKey) {
        String base = settings.url().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path))
                .timeout(settings.timeout())
                .header("Accept", "application/json")
                .header("User-Agent", "Regua-Bureau/1");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (settings.token() != null && !settings.token().isBlank()) {
            request.header("Authorization", "Bearer " + settings.token());
        }
        return request;
    }

    /** {@code already}: the status code that means "done before" for this call (-1: none). */
    private Answer call(HttpRequest.Builder request, int already) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return new Answer(Outcome.RETRY, null, null, "the bureau did not answer within " + settings.timeout().toSeconds() + "s");
        } catch (IOException e) {
            return new Answer(Outcome.RETRY, null, null, "the bureau is unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Outcome.RETRY, null, null, "interrupted while calling the bureau");
        }
        int code = response.statusCode();
        JsonNode body = read(response.body());
        String id = text(body, "id");
        String status = text(body, "status");
        if (code == already) {
            return new Answer(Outcome.ALREADY, id, status, null);
        }
        if (code == 202) {
            return new Answer(Outcome.PENDING, id, status, null);
        }
        if (code >= 200 && code < 300) {
            return new Answer(Outcome.DONE, id, status, null);
        }
        String error = "the bureau answered " + code + (text(body, "detail") == null ? "" : ": " + text(body, "detail"));
        boolean retry = code >= 500 || code == 408 || code == 429;
        return new Answer(retry ? Outcome.RETRY : Outcome.REFUSED, null, null, error);
    }

    private String write(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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

    private static String text(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
