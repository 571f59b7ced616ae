package br.com.regua.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import br.com.regua.errors.NotFoundException;
import br.com.regua.integration.webhook.WebhookService;

/** Webhook endpoints, for admins: register, list, pause, resume, delete; each one's deliveries; resend an event. */
@RestController
@RequestMapping("/api/webhooks")
class WebhookController {

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    /** {@code events} left out: every event type, those added later included. {@code secret} left out: Régua makes one. */
    record Registration(String url, String secret, List<String> events) {
    }

    /** The endpoint, and its signing secret: shown in this answer only. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> register(@RequestBody Registration request) {
        WebhookService.Registered registered = webhooks.register(request.url(), request.secret(), request.events());
        Map<String, Object> body = new LinkedHashMap<>();
        WebhookService.Endpoint e = registered.endpoint();
        body.put("id", e.id());
        body.put("url", e.url());
        body.put("events", e.events());
        body.put("status", e.status());
        body.put("createdAt", e.createdAt());
        body.put("secret", registered.secret());
        return body;
    }

    @GetMapping
    List<WebhookService.Endpoint> list() {
        return webhooks.list();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        webhooks.delete(endpointId(id));
    }

    @PostMapping("/{id}/pause")
    WebhookService.Endpoint pause(@PathVariable String id) {
        return webhooks.pause(endpointId(id));
    }

    @PostMapping("/{id}/resume")
    WebhookService.Endpoint resume(@PathVariable String id) {
        return webhooks.resume(endpointId(id));
    }

    @GetMapping("/{id}/deliveries")
    List<WebhookService.Delivery> deliveries(@PathVariable String id) {
        return webhooks.deliveries(endpointId(id));
    }

    @PostMapping("/events/{eventId}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> resend(@PathVariable String eventId) {
        int queued = webhooks.resend(eventId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId);
        body.put("deliveriesQueued", queued);
        return body;
    }

    private static long endpointId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("no webhook endpoint with id " + id);
        }
    }
}
