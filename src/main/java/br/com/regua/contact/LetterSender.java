package br.com.regua.contact;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.policy.Channel;

/**
 * Letters through a print-and-post provider, in the SMS gateway's style: one POST per letter with
 * {@code {"reference", "receivable", "recipient": {name, street, ...}, "pdf": base64}}, the contact's
 * idempotency key in the {@code Idempotency-Key} header (a provider that sees it twice prints once)
 * and the token as a bearer token. A 2xx is posted: its JSON {@code trackingCode} (else its
 * {@code id}) is kept as the contact's provider id; a 5xx, 408, 429 or no answer in time is tried
 * again later; any other 4xx is the provider refusing this letter, which no retry will change.
 */
class LetterSender implements ChannelSender {

    private final LetterProperties provider;
    private final Letters letters;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json;

    LetterSender(LetterProperties provider, Letters letters, Duration timeout, ObjectMapper json) {
        this.provider = provider;
        this.letters = letters;
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Channel channel() {
        return Channel.LETTER;
    }

    @Override
    public String send(OutgoingContact contact) throws DeliveryException {
        Letters.Printed letter = letters.print(contact);
        HttpRequest.Builder request = HttpRequest.newBuilder(provider.url())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", contact.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(payload(contact, letter)));
        if (provider.token() != null && !provider.token().isBlank()) {
            request.header("Authorization", "Bearer " + provider.token());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new DeliveryException("letter provider did not answer within " + timeout.toSeconds() + "s", false, e);
        } catch (IOException e) {
            throw new DeliveryException("letter provider unreachable", false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while sending", false, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            String tracking = trackingCode(response.body());
            letters.tracked(contact.id(), tracking);
            return tracking;
        }
        boolean retryable = status >= 500 || status == 408 || status == 429;
        throw new DeliveryException("letter provider answered " + status, !retryable);
    }

    private String payload(OutgoingContact contact, Letters.Printed letter) {
        Map<String, Object> recipient = new LinkedHashMap<>();
        var a = letter.to().address();
        recipient.put("name", letter.to().name());
        recipient.put("street", a.street());
        recipient.put("number", a.number());
        recipient.put("complement", a.complement());
        recipient.put("district", a.district());
        recipient.put("city", a.city());
        recipient.put("state", a.state());
        recipient.put("postalCode", a.postalCode());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", String.valueOf(contact.id()));
        body.put("receivable", letter.to().receivable());
        body.put("recipient", recipient);
        body.put("pdf", Base64.getEncoder().encodeToString(letter.pdf()));
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String trackingCode(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            return node.hasNonNull("trackingCode") ? node.get("trackingCode").asText()
                    : node.hasNonNull("id") ? node.get("id").asText() : null;
        } catch (JsonProcessingException e) {
            return null; // accepted all the same: the status code is the answer
        }
    }
}
