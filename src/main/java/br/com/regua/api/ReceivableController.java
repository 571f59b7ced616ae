package br.com.regua.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.errors.ConflictException;
import br.com.regua.errors.FieldProblem;
import br.com.regua.errors.InvalidInputException;
import br.com.regua.policy.DecisionRecorder;
import br.com.regua.receivable.NewReceivable;
import br.com.regua.receivable.ReceivableService;

@RestController
@RequestMapping("/api/receivables")
class ReceivableController {

    static final int MAX_BATCH = 10_000;

    private final ReceivableService receivables;
    private final ReceivableViews views;
    private final ObjectMapper json;
    private final DecisionRecorder decisions;

    ReceivableController(ReceivableService receivables, ReceivableViews views, ObjectMapper json, DecisionRecorder decisions) {
        this.receivables = receivables;
        this.views = views;
        this.json = json;
        this.decisions = decisions;
    }

    @PostMapping
    ResponseEntity<ReceivableView> register(@RequestBody NewReceivable request) {
        ReceivableService.Registration result = receivables.register(request);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(views.of(result.receivable()));
    }

    @GetMapping("/{externalId}")
    ReceivableView get(@PathVariable String externalId) {
        return views.of(receivables.get(PathIds.externalId(externalId, "receivable")));
    }

    /** Every decision the policy took for this case: inputs, rules fired, outputs, policy version and time. */
    @GetMapping("/{externalId}/decisions")
    List<DecisionRecorder.Recorded> decisions(@PathVariable String externalId) {
        return decisions.forReceivable(receivables.get(PathIds.externalId(externalId, "receivable")).id());
    }

    /** Registers each item on its own: one bad item never rejects the others. */
    @PostMapping("/batch")
    Map<String, Object> batch(@RequestBody JsonNode body) {
        JsonNode items = body.get("items");
        if (items == null || !items.isArray()) {
            throw new InvalidInputException("items", "must be an array of receivables");
        }
        if (items.size() > MAX_BATCH) {
            throw new InvalidInputException("items", "must hold at most " + MAX_BATCH + " receivables");
        }
        List<Map<String, Object>> results = new ArrayList<>(items.size());
        List<NewReceivable> readable = new ArrayList<>(items.size());
        List<Map<String, Object>> readableResults = new ArrayList<>(items.size());
        Map<String, Integer> counts = new LinkedHashMap<>(Map.of("created", 0, "existing", 0, "invalid", 0, "conflict", 0));
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("index", i);
            JsonNode item = items.get(i);
            result.put("externalId", item.path("externalId").isTextual() ? item.get("externalId").asText() : null);
            if (!item.isObject()) {
                // null, a number, a string, an array: no receivable to read, and no reason to refuse the others
                result.put("status", 400);
                result.put("errors", List.of(new FieldProblem("items[" + i + "]", "must be a receivable (a JSON object)")));
                counts.merge("invalid", 1, Integer::sum);
                results.add(result);
                continue;
            }
            try {
                readable.add(json.treeToValue(item, NewReceivable.class));
                readableResults.add(result);
            } catch (JsonProcessingException e) {
                result.put("status", 400);
                result.put("errors", List.of(JsonProblems.of(e)));
                counts.merge("invalid", 1, Integer::sum);
            }
            results.add(result);
        }
        List<ReceivableService.Outcome> outcomes = receivables.registerAll(readable);
        for (int k = 0; k < outcomes.size(); k++) {
            Map<String, Object> result = readableResults.get(k);
            ReceivableService.Outcome outcome = outcomes.get(k);
            if (outcome.registration() != null) {
                ReceivableService.Registration r = outcome.registration();
                result.put("status", r.created() ? 201 : 200);
                result.put("caseId", r.receivable().caseId());
                result.put("stage", r.receivable().stage());
                result.put("segment", r.receivable().segment() == null ? null : r.receivable().segment().name());
                counts.merge(r.created() ? "created" : "existing", 1, Integer::sum);
            } else if (outcome.refusal() instanceof InvalidInputException e) {
                result.put("status", 400);
                result.put("errors", e.problems());
                counts.merge("invalid", 1, Integer::sum);
            } else if (outcome.refusal() instanceof ConflictException e) {
                result.put("status", 409);
                result.put("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
                counts.merge("conflict", 1, Integer::sum);
            } else {
                throw outcome.refusal();
            }
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("total", items.size());
        response.putAll(counts);
        response.put("results", results);
        return response;
    }
}
