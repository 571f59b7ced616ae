package br.com.regua.api;

import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import br.com.regua.experiment.Experiment;
import br.com.regua.experiment.ExperimentService;
import br.com.regua.policy.Segment;
import br.com.regua.report.ExperimentReport;
import br.com.regua.report.ExperimentReports;

/** Champion/challenger experiments: started and stopped by credit managers, compared in a report. */
@RestController
class ExperimentController {

    private final ExperimentService experiments;
    private final ExperimentReports reports;
    private final Clock clock;

    ExperimentController(ExperimentService experiments, ExperimentReports reports, Clock clock) {
        this.experiments = experiments;
        this.reports = reports;
        this.clock = clock;
    }

    /** An experiment and where it stands now. */
    record ExperimentView(long id, String name, int championVersion, int challengerVersion, int sharePercent, Segment segment,
                          OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime stoppedAt, Experiment.Status status,
                          String createdBy, OffsetDateTime createdAt) {
    }

    @PostMapping("/api/experiments")
    @ResponseStatus(HttpStatus.CREATED)
    ExperimentView start(@RequestBody ExperimentService.NewExperiment request, Principal who) {
        return view(experiments.start(request, who.getName()));
    }

    @GetMapping("/api/experiments")
    List<ExperimentView> all() {
        return experiments.all().stream().map(this::view).toList();
    }

    @GetMapping("/api/experiments/{id}")
    ExperimentView one(@PathVariable long id) {
        return view(experiments.get(id));
    }

    @PostMapping("/api/experiments/{id}/stop")
    ExperimentView stop(@PathVariable long id) {
        return view(experiments.stop(id));
    }

    @GetMapping("/api/reports/experiments/{id}")
    ExperimentReport report(@PathVariable long id) {
        return reports.of(id);
    }

    private ExperimentView view(Experiment e) {
        return new ExperimentView(e.id(), e.name(), e.championVersion(), e.challengerVersion(), e.sharePercent(), e.segment(),
                e.startsAt(), e.endsAt(), e.stoppedAt(), e.statusAt(OffsetDateTime.now(clock)), e.createdBy(), e.createdAt());
    }
}
