package br.com.regua.contact;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.policy.Channel;

/**
 * SMS or WhatsApp through a generic JSON webhook: one POST per message with
 * {@code {"channel", "to", "from", "text", "reference"}}, the contact's idempotency key in the
 * {@code Idempotency-Key} header and the token as a bearer token. A 2xx is sent (its JSON {@code id},
 * if any, is kept); a 5xx, 408, 429 or no answer in time is tried again later; any other 4xx is
 * the gateway refusing this message, which no retry will change.
 */
class GatewaySender implements ChannelSender {

    private final Channel channel;
    private final ContactProperties.Gateway gateway;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json;

    GatewaySender(Channel channel, ContactProperties.Gateway gateway, Duration timeout, ObjectMapper json) {
        this.channel = channel;
        this.gateway = gateway;
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public String send(OutgoingContact contact) throws DeliveryException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.url())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", contact.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(payload(contact)));
        if (gateway.token() != null && !gateway.token().isBlank()) {
            request.header("Authorization", "Bearer " + gateway.token());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new DeliveryException(channel + " gateway did not answer within " + timeout.toSeconds() + "s", false, e);
        } catch (IOException e) {
            throw new DeliveryException(channel + " gateway unreachable", false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while sending", false, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return providerId(response.body());
        }
        boolean retryable = status >= 500 || status == 408 || status == 429;
        throw new DeliveryException(channel + " gateway answered " + status, !retryable);
    }

    private String payload(OutgoingContact contact) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel.name());
        body.put("to", phoneE164(contact.recipient()));
        body.put("from", gateway.sender());
        body.put("text", contact.body());
        body.put("reference", String.valueOf(contact.id()));
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "+55 11 98765-4321" or "(11) 98765-4321" → "+5511987654321": gateways want E.164. */
    static String phoneE164(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("\\D", "");
        if (phone != null && phone.strip().startsWith("+")) {
            return "+" + digits;
        }
        return digits.length() <= 11 ? "+55" + digits : "+" + digits;
    }

    private String providerId(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            return node.hasNonNull("id") ? node.get("id").asText() : null;
        } catch (JsonProcessingException e) {
            return null; // accepted all the same: the status code is the answer
        }
    }
}
