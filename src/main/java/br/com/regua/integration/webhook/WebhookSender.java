package br.com.regua.integration.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * One POST of one event, signed: {@code webhook-id}, {@code webhook-timestamp} (seconds) and
 * {@code webhook-signature}. Only a 2xx is a success; redirects are not followed (a receiver that
 * moved must be registered again).
 */
@Component
class WebhookSender {

    /** What the endpoint answered: its status code, or none and why. */
    record Answer(Integer statusCode, String error) {
        boolean ok() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final HttpClient http;
    private final Duration timeout;

    WebhookSender(WebhookProperties settings) {
        this.timeout = settings.timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Answer send(String url, String secret, String id, long timestamp, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Regua-Webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(secret, id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Answer(status, status >= 200 && status < 300 ? null : "the endpoint answered " + status);
        } catch (HttpTimeoutException e) {
            return new Answer(null, "no answer within " + timeout.toSeconds() + "s");
        } catch (IOException e) {
            return new Answer(null, "unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "interrupted while sending");
        }
    }
}
