package br.com.regua.policy;

/**
 * Table row fact ({@code compliance.drl.csv}): no step of {@code stage} until {@code notice} went
 * out at least {@code days} days before; by state, or for every state without a row of its own.
 */
public final class NoticePeriod extends StateRow {
    private final String notice;
    private String stage;
    private int days;

    public NoticePeriod(String notice) { this.notice = notice; }

    public String getNotice() { return notice; }
    public String getStage() { return stage; }
    public void setStage(String stage) { this.stage = stage; }
    public int getDays() { return days; }
    public void setDays(int days) { this.days = days; }

    @Override
    public String getTopic() { return notice + " before " + stage; }

    @Override
    public String toString() { return "NoticePeriod(" + (getState() == null ? "" : getState() + " ") + getTopic() + ": " + days + " days)"; }
}
