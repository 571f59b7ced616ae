package br.com.regua.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Predicate;

import br.com.regua.policy.ContactWindow;

/**
 * Finds the first moment at or after a given time that falls inside the contact windows the policy
 * set, skipping national holidays. A contact outside the windows is deferred, never dropped.
 */
public final class ContactHours {

    /** Far enough to cross any holiday season; a policy with no window in two weeks is broken. */
    private static final int MAX_DAYS_AHEAD = 14;

    private ContactHours() {
    }

    public static ZonedDateTime nextAllowed(ZonedDateTime from, List<ContactWindow> windows) {
        return nextAllowed(from, windows, day -> false);
    }

    /** As above, also skipping the days the business closes besides the national holidays. */
    public static ZonedDateTime nextAllowed(ZonedDateTime from, List<ContactWindow> windows, Predicate<LocalDate> alsoClosed) {
        if (windows.isEmpty()) {
            throw new IllegalStateException("the policy set no contact window");
        }
        ZonedDateTime candidate = from;
        for (int i = 0; i <= MAX_DAYS_AHEAD; i++) {
            LocalDate day = candidate.toLocalDate();
            List<ContactWindow> today = NationalHolidays.isHoliday(day) || alsoClosed.test(day) ? List.of()
                    : windows.stream().filter(w -> w.getDayOfWeek() == day.getDayOfWeek()).toList();
            if (!today.isEmpty()) {
                // several windows for one day narrow each other: the strictest rule wins
                LocalTime from0 = today.stream().map(ContactWindow::getFrom).max(LocalTime::compareTo).orElseThrow();
                LocalTime to0 = today.stream().map(ContactWindow::getTo).min(LocalTime::compareTo).orElseThrow();
                ZonedDateTime opens = day.atTime(from0).atZone(from.getZone());
                ZonedDateTime closes = day.atTime(to0).atZone(from.getZone());
                if (candidate.isBefore(opens)) {
                    return opens;
                }
                if (candidate.isBefore(closes)) {
                    return candidate;
                }
            }
            candidate = day.plusDays(1).atStartOfDay(from.getZone());
        }
        throw new IllegalStateException("no contact window in the " + MAX_DAYS_AHEAD + " days after " + from);
    }
}
