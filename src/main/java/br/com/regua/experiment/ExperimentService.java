package br.com.regua.experiment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import br.com.regua.errors.ConflictException;
import br.com.regua.errors.FieldProblem;
import br.com.regua.errors.InvalidInputException;
import br.com.regua.errors.NotFoundException;
import br.com.regua.errors.UnprocessableException;
import br.com.regua.policy.PolicyEngine;
import br.com.regua.policy.PolicyStore;
import br.com.regua.policy.Segment;
import br.com.regua.transactions.PerTransaction;

/** Starts and stops experiments, and draws each new case into an arm when it is classified. */
@Service
public class ExperimentService {

    private final ExperimentRepository experiments;
    private final PolicyStore versions;
    private final PolicyEngine policy;
    private final Clock clock;

    ExperimentService(ExperimentRepository experiments, PolicyStore versions, PolicyEngine policy, Clock clock) {
        this.experiments = experiments;
        this.versions = versions;
        this.policy = policy;
        this.clock = clock;
    }

    /** What a credit manager asks for; {@code startsAt} null: now. */
    public record NewExperiment(String name, Integer challengerVersion, Integer sharePercent, String segment, OffsetDateTime startsAt,
                                OffsetDateTime endsAt) {
    }

    /** The arm a case was drawn into and the version that decides it. */
    public record Draw(Experiment experiment, Experiment.Arm arm, int version) {
    }

    /**
     * Starts an experiment of the given challenger against the version active now, which stays the
     * champion's for the experiment's whole life even if another is activated meanwhile.
     */
    @Transactional
    public Experiment start(NewExperiment request, String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<FieldProblem> problems = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 120) {
            problems.add(new FieldProblem("name", "a name of 1 to 120 characters is required"));
        }
        if (request.challengerVersion() == null) {
            problems.add(new FieldProblem("challengerVersion", "the number of the policy version to try is required"));
        }
        if (request.sharePercent() == null || request.sharePercent() < 1 || request.sharePercent() > 99) {
            problems.add(new FieldProblem("sharePercent", "the share of new cases the challenger receives, from 1 to 99 (percent), is required"));
        }
        Segment segment = null;
        if (request.segment() != null && !request.segment().isBlank()) {
            try {
                segment = Segment.valueOf(request.segment().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("segment", "not a segment: " + request.segment() + " (one of " + List.of(Segment.values()) + ")"));
            }
        }
        OffsetDateTime startsAt = request.startsAt() == null ? now : request.startsAt();
        if (request.endsAt() == null) {
            problems.add(new FieldProblem("endsAt", "the moment the experiment stops drawing new cases is required"));
        } else if (!request.endsAt().isAfter(startsAt) || !request.endsAt().isAfter(now)) {
            problems.add(new FieldProblem("endsAt", "must be after startsAt and after now"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int champion = policy.active().number();
        int challenger = request.challengerVersion();
        if (versions.version(challenger).isEmpty()) {
            throw new UnprocessableException("challengerVersion", "there is no policy version " + challenger);
        }
        if (challenger == champion) {
            throw new UnprocessableException("challengerVersion", "version " + challenger
                    + " is the active version, the champion: the challenger must be another");
        }
        experiments.overlapping(startsAt, request.endsAt()).stream().findFirst().ifPresent(other -> {
            throw new ConflictException("startsAt", "experiment " + other.id() + " (" + other.name() + ") runs from " + other.startsAt()
                    + " to " + other.endsAt() + ": one experiment at a time draws new cases");
        });
        long id = experiments.insert(name, champion, challenger, request.sharePercent(), segment, startsAt, request.endsAt(), by, now);
        return get(id);
    }

    public Experiment get(long id) {
        return experiments.find(id).orElseThrow(() -> new NotFoundException("no experiment " + id));
    }

    public List<Experiment> all() {
        return experiments.all();
    }

    /** Stops drawing new cases; the cases already drawn stay decided by their arm's version. */
    @Transactional
    public Experiment stop(long id) {
        Experiment e = get(id);
        if (!experiments.stop(id, OffsetDateTime.now(clock))) {
            throw new ConflictException("id", "experiment " + id + " has already ended");
        }
        return get(e.id());
    }

    /**
     * Draws a case being classified into an arm of the experiment running now, when there is one and
     * the case is of its segment; at most once per case. Empty: no experiment takes it, and it is
     * decided by the active version at each decision.
     */
    public Optional<Draw> draw(long receivableId, Segment segment) {
        // an intake classifies a hundred cases in one transaction: the running experiment is read once for them
        Optional<Experiment> running = PerTransaction.get("experiment.running", () -> experiments.running(OffsetDateTime.now(clock)));
        if (running.isEmpty() || running.get().segment() != null && running.get().segment() != segment) {
            return Optional.empty();
        }
        Experiment e = running.get();
        Experiment.Arm arm = ThreadLocalRandom.current().nextInt(100) < e.sharePercent() ? Experiment.Arm.CHALLENGER
                : Experiment.Arm.CHAMPION;
        int version = e.versionOf(arm);
        return experiments.assign(receivableId, e.id(), arm, version) ? Optional.of(new Draw(e, arm, version)) : Optional.empty();
    }
}
