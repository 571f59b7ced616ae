package br.com.regua.policy;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * Table row fact ({@code compliance.drl.csv}): debtors may be contacted on {@code dayOfWeek} from
 * {@code from} to {@code to}. A state with rows of its own replaces every default row: a day it
 * leaves out has no contact.
 */
public final class ContactHours extends StateRow {
    private final DayOfWeek dayOfWeek;
    private LocalTime from;
    private LocalTime to;

    public ContactHours(DayOfWeek dayOfWeek) { this.dayOfWeek = dayOfWeek; }

    public DayOfWeek getDayOfWeek() { return dayOfWeek; }
    public LocalTime getFrom() { return from; }
    public void setFrom(LocalTime from) { this.from = from; }
    public LocalTime getTo() { return to; }
    public void setTo(LocalTime to) { this.to = to; }

    @Override
    public String getTopic() { return "contact hours"; }

    @Override
    public String toString() { return "ContactHours(" + (getState() == null ? "" : getState() + " ") + dayOfWeek + " " + from + "-" + to + ")"; }
}
