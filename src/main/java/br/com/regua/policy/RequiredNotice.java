package br.com.regua.policy;

/**
 * Derived fact: no step of {@code stage} until {@code notice} reached the debtor at least
 * {@code days} days before. The schedule plans a missing notice first when a case registered late
 * (or resumed late) would otherwise jump past it.
 */
public final class RequiredNotice {
    private final String notice;
    private final String stage;
    private final int days;

    public RequiredNotice(String notice, String stage, int days) {
        this.notice = notice;
        this.stage = stage;
        this.days = days;
    }

    public String getNotice() { return notice; }
    public String getStage() { return stage; }
    public int getDays() { return days; }

    @Override
    public String toString() { return notice + " " + days + " days before " + stage; }
}
