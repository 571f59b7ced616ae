package br.com.regua.policy;

/** A candidate policy compiles but some of its scenarios decide otherwise than expected: it is not activated. */
public class ScenariosFailedException extends RuntimeException {

    private final transient ScenarioReport report;

    public ScenariosFailedException(ScenarioReport report) {
        super(report.failures().size() + " of " + report.run() + " scenarios failed: "
                + String.join("; ", ScenarioRunner.describe(report.failures()).stream().limit(5).toList()));
        this.report = report;
    }

    public ScenarioReport report() {
        return report;
    }
}
