package br.com.regua.receivable;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The dates a client may send, around today on Régua's one clock. A date outside these windows is
 * a typo or a placeholder (0001-01-01, 1900-01-01, year 99999), never a debt: refusing it keeps
 * day counts, late charges and timers meaningful.
 * <ul>
 * <li>Issue and due dates: from {@link #EARLIEST} to {@link #YEARS_AHEAD} years after today. Older
 * debts than 2000 are long past any collection (Brazilian law bars them after 5 to 10 years);
 * further than ten years ahead is no installment a backend registers today (a longer plan is
 * registered as its installments come near).</li>
 * <li>{@code paidAt}: from {@link #EARLIEST} to now plus {@link #CLOCK_SKEW}: a payment has happened;
 * a backend's clock may run a little ahead of Régua's, not more.</li>
 * </ul>
 */
public final class BusinessDates {

    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final int YEARS_AHEAD = 10;
    /** Backends' clocks drift; a payment a little in the future is theirs, not a typo. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private BusinessDates() {
    }

    /** Why an issue or due date is refused, or empty when it is within the window. */
    public static Optional<String> issueOrDueProblem(LocalDate date, Clock clock) {
        LocalDate latest = LocalDate.now(clock).plusYears(YEARS_AHEAD);
        if (date.isBefore(EARLIEST) || date.isAfter(latest)) {
            return Optional.of("must be between " + EARLIEST + " and " + latest);
        }
        return Optional.empty();
    }

    /** Why a payment's moment is refused, or empty when it is within the window. */
    public static Optional<String> paidAtProblem(OffsetDateTime paidAt, Clock clock) {
        if (paidAt.isAfter(OffsetDateTime.now(clock).plus(CLOCK_SKEW))) {
            return Optional.of("must not be in the future");
        }
        if (paidAt.atZoneSameInstant(clock.getZone()).toLocalDate().isBefore(EARLIEST)) {
            return Optional.of("must not be before " + EARLIEST);
        }
        return Optional.empty();
    }
}
