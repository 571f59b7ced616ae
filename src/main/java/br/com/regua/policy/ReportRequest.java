package br.com.regua.policy;

/**
 * Fact: a report asks the policy for its buckets ({@code report == "aging"}). It is inserted only
 * when a report asks, so the report's rules never fire in a case's decision.
 */
public final class ReportRequest {
    private final String report;

    public ReportRequest(String report) {
        this.report = report;
    }

    public String getReport() { return report; }

    @Override
    public String toString() { return "ReportRequest(" + report + ")"; }
}
