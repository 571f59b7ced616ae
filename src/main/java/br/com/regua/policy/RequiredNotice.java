package br.com.regua.policy;

/**
 * Derived fact: no step of {@code stage} until {@code notice} reached the debtor at least
 * {@code days} days before. The schedule plans a missing notice first when a case registered late
 * (or resumed late) would otherwise jump past it.
 */
public final class RequiredNotice {
    private final Stage notice;
    private final Stage stage;
    private final int days;

    public RequiredNotice(Stage notice, Stage stage, int days) {
        this.notice = notice;
        this.stage = stage;
        this.days = days;
    }

    public Stage getNotice() { return notice; }
    public Stage getStage() { return stage; }
    public int getDays() { return days; }

    @Override
    public String toString() { return notice + " " + days + " days before " + stage; }
}
