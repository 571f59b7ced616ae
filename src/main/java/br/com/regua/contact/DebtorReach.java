package br.com.regua.contact;

import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import br.com.regua.policy.Channel;

/**
 * What the policy says, at the moment of sending, about reaching the debtor of a receivable. The
 * schedule feature answers it from the rules (it owns the case facts), so the worker asks the
 * same policy the schedule does and never decides contact hours or limits on its own.
 */
public interface DebtorReach {

    Reach of(long receivableId, ZonedDateTime now);

    /**
     * @param collecting         whether the receivable is still being collected (open, not disputed, not in an agreement)
     * @param nextAllowed        the first moment at or after the one given inside the debtor's contact
     *                           windows (in the debtor's time zone), skipping holidays
     * @param maxContactsPerWeek at most this many steps reach the debtor in any 7 days; null for no limit
     * @param fallback           the channel to use when a channel failed, if the policy names one
     */
    record Reach(boolean collecting, UnaryOperator<ZonedDateTime> nextAllowed, Integer maxContactsPerWeek,
                 Function<Channel, Optional<Channel>> fallback) {
    }
}
