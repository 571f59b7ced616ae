package br.com.regua.policy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import br.com.regua.errors.ConflictException;
import br.com.regua.errors.InvalidInputException;
import br.com.regua.logging.LogText;

/**
 * Changes the running policy safely: every candidate is compiled and its scenarios run before it
 * becomes a stored version and the active one; a candidate that fails changes nothing. Changes
 * arrive from the policy API, from edits in the rules directory and from other server nodes.
 */
public class PolicyWorkbench {

    private static final Logger log = LoggerFactory.getLogger(PolicyWorkbench.class);

    private final PolicyEngine engine;
    private final PolicyStore store;
    private final Path rulesDir;
    private final Clock clock;
    private final PolicyProperties.Approval approval;
    private final StageCatalog stages;
    // one change at a time on this node; another node's change is followed through the activation log
    private final ReentrantLock changing = new ReentrantLock();
    private volatile long seenActivation;
    private volatile DirectoryStatus directoryStatus;
    private volatile Map<String, String> refusedDirectory = Map.of();
    private volatile Map<String, String> takenIn = Map.of();

    public PolicyWorkbench(PolicyEngine engine, PolicyStore store, Path rulesDir, StageCatalog stages, Clock clock,
                           PolicyProperties.Approval approval) {
        this.approval = approval;
        this.stages = stages;
        this.engine = engine;
        this.store = store;
        this.rulesDir = rulesDir;
        this.clock = clock;
        this.seenActivation = store.lastActivationId();
        this.directoryStatus = DirectoryStatus.accepted("version " + engine.active().number() + " active", now());
    }

    /** A candidate that compiled and passed its scenarios. */
    public record Candidate(CompiledPolicy policy, ScenarioReport scenarios) {
    }

    /** The outcome of a change: the version now active (or proposed, with four eyes), and whether it is a new one. */
    public record Change(PolicyVersion version, boolean created, ScenarioReport scenarios) {
    }

    /**
     * Compiles the files and runs their scenarios.
     *
     * @throws PolicyCompilationException a file does not compile or a scenario file cannot be read
     * @throws ScenariosFailedException   a scenario decides otherwise than expected
     */
    public Candidate validate(Map<String, String> files) {
        CompiledPolicy policy = CompiledPolicy.compile(files, stages);
        ScenarioReport report = ScenarioRunner.run(policy, stages);
        if (!report.passed()) {
            throw new ScenariosFailedException(report);
        }
        return new Candidate(policy, report);
    }

    /** Compiles the files, unknown stage keys refused, without running their scenarios (a what-if reports them, not blocking). */
    public CompiledPolicy compile(Map<String, String> files) {
        return CompiledPolicy.compile(files, stages);
    }

    /** The scenarios of a compiled candidate. */
    public ScenarioReport scenarios(CompiledPolicy policy) {
        return ScenarioRunner.run(policy, stages);
    }

    /** The active files with {@code edits} applied: a file mapped to null is removed. */
    public SortedMap<String, String> withEdits(Map<String, String> edits) {
        SortedMap<String, String> files = new TreeMap<>(engine.active().files());
        edits.forEach((name, content) -> {
            if (content == null) {
                files.remove(name);
            } else {
                files.put(name, content);
            }
        });
        return files;
    }

    /** Applies the edits to the active version, validates and activates the result as a new version. */
    public Change change(String author, String comment, Map<String, String> edits) {
        changing.lock();
        try {
            SortedMap<String, String> files = withEdits(edits);
            CompiledPolicy active = engine.active();
            if (CompiledPolicy.hash(files).equals(active.version())) {
                return new Change(store.version(active.number()).orElseThrow(), false, null);
            }
            Candidate candidate = validate(files);
            if (approval == PolicyProperties.Approval.REQUIRED) {
                PolicyVersion proposed = store.save(candidate.policy().files(), candidate.policy().version(), author, comment, now());
                log.info("Policy version {} ({}) proposed by {}: {}", proposed.number(), proposed.hash(), author, comment);
                return new Change(proposed, true, candidate.scenarios());
            }
            PolicyVersion version = store.saveAndActivate(candidate.policy().files(), candidate.policy().version(), author,
                    comment, now());
            engine.activate(candidate.policy().numbered(version.number()));
            seenActivation = store.lastActivationId();
            log.info("Policy version {} ({}) activated by {}: {}", version.number(), version.hash(), LogText.of(author),
                    LogText.of(comment));
            return new Change(version, true, candidate.scenarios());
        } finally {
            changing.unlock();
        }
    }

    /** Makes a stored version active again (roll back or forward), after compiling it and running its scenarios. */
    public Optional<Change> activate(int number, String author, String comment) {
        changing.lock();
        try {
            Optional<PolicyVersion> stored = store.version(number);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            checkFourEyes(stored.get(), author);
            Candidate candidate = validate(stored.get().files());
            store.activate(number, author, comment, now());
            engine.activate(candidate.policy().numbered(number));
            seenActivation = store.lastActivationId();
            log.info("Policy version {} ({}) re-activated by {}: {}", number, stored.get().hash(), LogText.of(author),
                    LogText.of(comment));
            return Optional.of(new Change(store.version(number).orElseThrow(), false, candidate.scenarios()));
        } finally {
            changing.unlock();
        }
    }

    /**
     * Sets a stored version to take effect at {@code effectiveAt}, after compiling it and running its
     * scenarios now, so that a version that cannot go live is refused today rather than on the day.
     * Empty when there is no such version.
     */
    public Optional<PolicySchedule> schedule(int number, OffsetDateTime effectiveAt, String author, String comment) {
        Optional<PolicyVersion> stored = store.version(number);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (!effectiveAt.isAfter(now())) {
            throw new InvalidInputException("effectiveAt", "must be in the future (now it is " + now() + "); to activate now, activate the version");
        }
        checkFourEyes(stored.get(), author);
        validate(stored.get().files());
        PolicySchedule scheduled = store.schedule(number, effectiveAt, author, comment, now());
        log.info("Policy version {} ({}) scheduled by {} to take effect at {}: {}", number, stored.get().hash(), LogText.of(author),
                effectiveAt, LogText.of(comment));
        return Optional.of(scheduled);
    }

    /**
     * Stores the edits as a new version, not active, and sets it to take effect at {@code effectiveAt}
     * (e.g. the 1st of next month).
     */
    public Change changeAt(String author, String comment, Map<String, String> edits, OffsetDateTime effectiveAt) {
        if (approval == PolicyProperties.Approval.REQUIRED) {
            // its author could not activate it on the day either
            throw new ApprovalRequiredException("four eyes: send the edit without effectiveAt to propose it, then another credit "
                    + "manager schedules it (POST /api/policy/versions/{number}/schedule)");
        }
        if (!effectiveAt.isAfter(now())) {
            throw new InvalidInputException("effectiveAt", "must be in the future (now it is " + now() + "); leave it out to activate now");
        }
        changing.lock();
        try {
            Candidate candidate = validate(withEdits(edits));
            PolicyVersion version = store.save(candidate.policy().files(), candidate.policy().version(), author, comment, now());
            store.schedule(version.number(), effectiveAt, author, comment, now());
            log.info("Policy version {} ({}) stored by {} to take effect at {}: {}", version.number(), version.hash(),
                    LogText.of(author), effectiveAt, LogText.of(comment));
            return new Change(version, true, candidate.scenarios());
        } finally {
            changing.unlock();
        }
    }

    /** Cancels a pending scheduled activation; empty when there is none with that id. */
    public Optional<PolicySchedule> cancelSchedule(long id, String who) {
        Optional<PolicySchedule> scheduled = store.scheduled(id);
        if (scheduled.isEmpty()) {
            return Optional.empty();
        }
        if (!store.close(id, PolicySchedule.Status.CANCELLED, who, now())) {
            throw new ConflictException("id", "scheduled activation " + id + " is no longer pending: "
                    + store.scheduled(id).map(s -> s.status().name().toLowerCase(java.util.Locale.ROOT)).orElse("gone"));
        }
        log.info("Scheduled activation {} of policy version {} cancelled by {}", id, scheduled.get().versionNumber(), LogText.of(who));
        return store.scheduled(id);
    }

    /**
     * Activates the scheduled versions whose time has come. Each is claimed first, so that of several
     * nodes only one activates it; the others follow the activation log. Decisions taken from then on
     * name the new version.
     */
    public void activateDue() {
        for (PolicySchedule due : store.due(now())) {
            if (!store.close(due.id(), PolicySchedule.Status.ACTIVATED, "schedule", now())) {
                continue;
            }
            try {
                activate(due.versionNumber(), due.author(), "scheduled for " + due.effectiveAt()
                        + (due.comment() == null ? "" : ": " + due.comment()));
            } catch (RuntimeException e) {
                // it compiled when scheduled: an upgrade since, most likely. The active version keeps running.
                store.failed(due.id(), "failed: " + e.getMessage(), now());
                log.error("Scheduled activation {} of policy version {} failed, version {} keeps running: {}", due.id(),
                        due.versionNumber(), engine.active().number(), e.getMessage());
            }
        }
    }

    /**
     * Takes in edits made in the rules directory through the same path as the API. A refused edit
     * is logged once and shown in the health details; the active version keeps running.
     */
    public void syncDirectory() {
        SortedMap<String, String> files;
        try {
            files = CompiledPolicy.readDirectory(rulesDir);
        } catch (RuntimeException e) {
            takenIn = Map.of();
            refuse(Map.of(), new PolicyCompilationException(List.of(new PolicyError(rulesDir.toString(), 0, 0, e.getMessage()))));
            return;
        }
        // the usual case, every few seconds: nothing changed since the last look, and no query is needed
        if (files.equals(takenIn)) {
            if (!directoryStatus.accepted()) {
                // the refused edit was taken back: the directory holds what is running again
                refusedDirectory = Map.of();
                directoryStatus = DirectoryStatus.accepted("refused edit taken back; version " + engine.active().number()
                        + " active", now());
            }
            return;
        }
        if (files.equals(refusedDirectory)) {
            return;
        }
        SortedMap<String, String> edits = DirectorySnapshot.edits(store.directorySnapshot(), files);
        if (edits.isEmpty()) {
            takenIn = files;
            return;
        }
        String comment = "edited in the rules directory: " + String.join(", ", edits.keySet());
        try {
            Change change = change(InitialPolicy.DIRECTORY_AUTHOR, comment, edits);
            store.saveDirectorySnapshot(DirectorySnapshot.of(files));
            takenIn = files;
            refusedDirectory = Map.of();
            directoryStatus = DirectoryStatus.accepted(comment + " → version " + change.version().number()
                    + (change.version().active() ? "" : " proposed, waiting for a credit manager to activate it"), now());
        } catch (PolicyCompilationException | ScenariosFailedException e) {
            refuse(files, e);
        }
    }

    private void refuse(Map<String, String> files, RuntimeException e) {
        refusedDirectory = files;
        List<PolicyError> errors = e instanceof PolicyCompilationException c ? c.errors() : List.of();
        List<ScenarioFailure> failures = e instanceof ScenariosFailedException s ? s.report().failures() : List.of();
        boolean sameAsBefore = !directoryStatus.accepted() && directoryStatus.errors().equals(errors)
                && directoryStatus.failures().equals(failures);
        directoryStatus = new DirectoryStatus(false, "refused; version " + engine.active().number() + " keeps running",
                errors, failures, now());
        // a directory that stays broken (or missing) is said once, not every few seconds
        if (!sameAsBefore) {
            log.error("Rules directory change refused, version {} keeps running: {}", engine.active().number(), e.getMessage());
        }
    }

    /** Another node activated a version: decide with it here too. */
    public void followOtherNodes() {
        long last = store.lastActivationId();
        if (last == seenActivation) {
            return;
        }
        changing.lock();
        try {
            store.active().ifPresent(v -> {
                if (v.number() != engine.active().number()) {
                    engine.activate(CompiledPolicy.compile(v.files()).numbered(v.number()));
                    log.info("Policy version {} ({}) activated on another node; following", v.number(), v.hash());
                }
            });
            seenActivation = last;
        } finally {
            changing.unlock();
        }
    }

    public DirectoryStatus directoryStatus() {
        return directoryStatus;
    }

    public CompiledPolicy active() {
        return engine.active();
    }

    private void checkFourEyes(PolicyVersion version, String author) {
        if (approval == PolicyProperties.Approval.REQUIRED && version.author().equals(author) && !store.everActivated(version.number())) {
            throw new ApprovalRequiredException("version " + version.number() + " was proposed by " + author
                    + "; four eyes: another credit manager must activate it");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
