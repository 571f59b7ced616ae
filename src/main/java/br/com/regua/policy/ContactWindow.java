package br.com.regua.policy;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * Derived fact: on {@code dayOfWeek} the debtor may be contacted from {@code from} until
 * {@code to} (local time). A day with no window gets no contact; national holidays get none.
 */
public final class ContactWindow {
    private final DayOfWeek dayOfWeek;
    private LocalTime from;
    private LocalTime to;

    public ContactWindow(DayOfWeek dayOfWeek, LocalTime from, LocalTime to) {
        this.dayOfWeek = dayOfWeek;
        this.from = from;
        this.to = to;
    }

    public DayOfWeek getDayOfWeek() { return dayOfWeek; }
    public LocalTime getFrom() { return from; }
    public void setFrom(LocalTime from) { this.from = from; }
    public LocalTime getTo() { return to; }
    public void setTo(LocalTime to) { this.to = to; }

    @Override
    public String toString() { return dayOfWeek + " " + from + "-" + to; }
}
