package br.com.regua.policy;

import java.time.LocalTime;

/**
 * Table row fact ({@code compliance.drl.csv}, "Preferred times of day"): a period of the day a
 * debtor may choose to hear from us in, by its key (e.g. {@code MORNING}), with the words the
 * debtor's page shows. A preference narrows the contact hours of the law's table, never widens them.
 */
public final class PreferredTime {
    private final String period;
    private String words;
    private LocalTime from;
    private LocalTime to;

    public PreferredTime(String period) { this.period = period; }

    public String getPeriod() { return period; }
    public String getWords() { return words; }
    public void setWords(String words) { this.words = words; }
    public LocalTime getFrom() { return from; }
    public void setFrom(LocalTime from) { this.from = from; }
    public LocalTime getTo() { return to; }
    public void setTo(LocalTime to) { this.to = to; }

    @Override
    public String toString() { return "PreferredTime(" + period + " " + from + "-" + to + ")"; }
}
