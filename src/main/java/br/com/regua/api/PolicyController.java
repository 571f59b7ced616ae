package br.com.regua.api;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import br.com.regua.errors.FieldProblem;
import br.com.regua.errors.InvalidInputException;
import br.com.regua.errors.NotFoundException;
import br.com.regua.policy.CompiledPolicy;
import br.com.regua.policy.PolicyDiff;
import br.com.regua.policy.PolicySchedule;
import br.com.regua.policy.PolicyStore;
import br.com.regua.policy.PolicyVersion;
import br.com.regua.policy.PolicyWorkbench;
import br.com.regua.policy.ScenarioReport;
import br.com.regua.report.ReportCsv;
import br.com.regua.schedule.PolicyWhatIf;

/** The policy workbench's API: versions, edits that are compiled and tested before they go live, roll back. */
@RestController
@RequestMapping("/api/policy")
class PolicyController {

    static final int MAX_FILE_CHARS = 1_000_000;

    private final PolicyWorkbench workbench;
    private final PolicyStore store;
    private final PolicyWhatIf whatIf;

    PolicyController(PolicyWorkbench workbench, PolicyStore store, PolicyWhatIf whatIf) {
        this.workbench = workbench;
        this.store = store;
        this.whatIf = whatIf;
    }

    /** A version as the API shows it; {@code files} only where one version is asked for. */
    record VersionView(int number, String hash, String author, String comment, OffsetDateTime createdAt, boolean active,
                       OffsetDateTime activatedAt, List<String> fileNames, Map<String, String> files,
                       Integer previous, List<PolicyDiff.FileChange> changes, Integer scenariosRun) {

        static VersionView summary(PolicyVersion v) {
            return new VersionView(v.number(), v.hash(), v.author(), v.comment(), v.createdAt(), v.active(), v.activatedAt(),
                    null, null, null, null, null);
        }

        static VersionView whole(PolicyVersion v, Integer previous, List<PolicyDiff.FileChange> changes, Integer scenariosRun) {
            return new VersionView(v.number(), v.hash(), v.author(), v.comment(), v.createdAt(), v.active(), v.activatedAt(),
                    List.copyOf(v.files().keySet()), v.files(), previous, changes, scenariosRun);
        }
    }

    record ValidationView(boolean valid, String hash, List<String> fileNames, int rules, int scenariosRun) {
    }

    @GetMapping
    VersionView active() {
        return whole(store.version(workbench.active().number()).orElseThrow(), null);
    }

    @GetMapping("/versions")
    List<VersionView> versions() {
        return store.versions().stream().map(VersionView::summary).toList();
    }

    @GetMapping("/versions/{number}")
    VersionView version(@PathVariable int number) {
        return whole(store.version(number).orElseThrow(() -> new NotFoundException("policy version " + number + " not found")), null);
    }

    @PostMapping("/versions/{number}/activate")
    VersionView activate(@PathVariable int number, @RequestBody(required = false) PolicyChangeRequest request,
                         Principal who) {
        checkAuthor(request);
        String comment = request == null || request.comment() == null ? "re-activated version " + number : request.comment();
        PolicyWorkbench.Change change = workbench.activate(number, who.getName(), comment)
                .orElseThrow(() -> new NotFoundException("policy version " + number + " not found"));
        return whole(change.version(), change.scenarios().run());
    }

    /** A scheduled activation as the API shows it. */
    record ScheduleView(long id, int version, OffsetDateTime effectiveAt, String status, String author, String comment,
                        OffsetDateTime createdAt, String closedBy, OffsetDateTime closedAt) {

        static ScheduleView of(PolicySchedule s) {
            return new ScheduleView(s.id(), s.versionNumber(), s.effectiveAt(), s.status().name(), s.author(), s.comment(),
                    s.createdAt(), s.closedBy(), s.closedAt());
        }
    }

    /** A version set to take effect at a date and time; compiled and tested now, refused now if it cannot go live. */
    @PostMapping("/versions/{number}/schedule")
    ResponseEntity<ScheduleView> schedule(@PathVariable int number, @RequestBody PolicyScheduleRequest request, Principal who) {
        if (request.author() != null) {
            throw new InvalidInputException("author", "is taken from your sign-in; do not send it");
        }
        if (request.effectiveAt() == null) {
            throw new InvalidInputException("effectiveAt", "is required: the date and time the version takes effect, with its offset");
        }
        if (request.comment() != null && request.comment().length() > 1000) {
            throw new InvalidInputException("comment", "must be at most 1000 characters");
        }
        PolicySchedule scheduled = workbench.schedule(number, request.effectiveAt(), who.getName(), request.comment())
                .orElseThrow(() -> new NotFoundException("policy version " + number + " not found"));
        return ResponseEntity.status(HttpStatus.CREATED).body(ScheduleView.of(scheduled));
    }

    /** Scheduled activations: the pending ones first, the next to fall due on top, then those already closed. */
    @GetMapping("/schedules")
    List<ScheduleView> schedules() {
        return store.schedules().stream().map(ScheduleView::of).toList();
    }

    @DeleteMapping("/schedules/{id}")
    ScheduleView cancel(@PathVariable long id, Principal who) {
        return workbench.cancelSchedule(id, who.getName()).map(ScheduleView::of)
                .orElseThrow(() -> new NotFoundException("scheduled activation " + id + " not found"));
    }

    @PutMapping
    ResponseEntity<VersionView> change(@RequestBody PolicyChangeRequest request, Principal who) {
        checkAuthor(request);
        checkFiles(request);
        PolicyWorkbench.Change change = request.effectiveAt() == null
                ? workbench.change(who.getName(), request.comment(), request.files())
                : workbench.changeAt(who.getName(), request.comment(), request.files(), request.effectiveAt());
        // with four eyes the new version is only proposed: accepted, not yet in force
        HttpStatus status = !change.created() ? HttpStatus.OK : change.version().active() ? HttpStatus.CREATED : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status)
                .body(whole(change.version(), change.scenarios() == null ? null : change.scenarios().run()));
    }

    @PostMapping("/validate")
    ValidationView validate(@RequestBody PolicyChangeRequest request) {
        checkFiles(request);
        SortedMap<String, String> files = workbench.withEdits(request.files());
        PolicyWorkbench.Candidate candidate = workbench.validate(files);
        return new ValidationView(true, candidate.policy().version(), List.copyOf(files.keySet()),
                candidate.policy().ruleNames().size(), candidate.scenarios().run());
    }

    /**
     * What-if: the candidate against every open case, nothing changed; scenario failures shown, not
     * blocking. The report counts the changes by segment and next stage with their money, and lists
     * the first {@code limit} changed cases with the rules that explain them.
     */
    @PostMapping(path = "/simulate", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> simulate(@RequestBody PolicyChangeRequest request,
                                 @RequestParam(defaultValue = "50") int limit) {
        checkFiles(request);
        if (limit < 0 || limit > 1000) {
            throw new InvalidInputException("limit", "must be between 0 and 1000");
        }
        CompiledPolicy candidate = workbench.compile(workbench.withEdits(request.files()));
        ScenarioReport scenarios = workbench.scenarios(candidate);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("report", whatIf.simulate(candidate, limit));
        body.put("scenariosRun", scenarios.run());
        body.put("scenarioFailures", scenarios.failures());
        return body;
    }

    /** The same what-if as CSV: one row per changed case (the first {@code limit}), with its explanation. */
    @PostMapping(path = "/simulate", produces = ReportCsv.MEDIA_TYPE)
    ResponseEntity<String> simulateCsv(@RequestBody PolicyChangeRequest request, @RequestParam(defaultValue = "50") int limit) {
        PolicyWhatIf.Report report = (PolicyWhatIf.Report) simulate(request, limit).get("report");
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"what-changes.csv\"")
                .body(WhatIfCsv.of(report));
    }

    private VersionView whole(PolicyVersion v, Integer scenariosRun) {
        Integer previous = v.number() > 1 ? v.number() - 1 : null;
        Map<String, String> before = previous == null ? Map.of() : store.version(previous).map(PolicyVersion::files).orElse(null);
        return VersionView.whole(v, previous, before == null ? List.of() : PolicyDiff.between(before, v.files()), scenariosRun);
    }

    /** Who changes the policy is the signed-in user; a body that names someone else is refused, not obeyed. */
    private static void checkAuthor(PolicyChangeRequest request) {
        if (request == null) {
            return;
        }
        if (request.author() != null) {
            throw new InvalidInputException("author", "is taken from your sign-in; do not send it");
        }
        if (request.comment() != null && request.comment().length() > 1000) {
            throw new InvalidInputException("comment", "must be at most 1000 characters");
        }
    }

    static void checkFiles(PolicyChangeRequest request) {
        if (request.files() == null || request.files().isEmpty()) {
            throw new InvalidInputException("files", "must name at least one file and its content");
        }
        List<FieldProblem> problems = new ArrayList<>();
        request.files().forEach((name, content) -> {
            if (!CompiledPolicy.isPolicyFile(name)) {
                problems.add(new FieldProblem("files." + name,
                        "is not a policy file name: rules end in .drl or .drl.csv, scenarios are scenarios/<name>.csv"));
            } else if (content != null && content.length() > MAX_FILE_CHARS) {
                problems.add(new FieldProblem("files." + name, "must be at most " + MAX_FILE_CHARS + " characters"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
