package br.com.regua.contact;

import java.time.OffsetDateTime;
import java.util.Optional;

import br.com.regua.receivable.Customer;

/**
 * The debtor's personal link that a message carries to their own page (the debtor portal, which
 * makes it). Each message gets a new one; this feature only prints it.
 */
public interface DebtorLinks {

    /**
     * A new link for {@code customer}, opening for {@code validDays} days from {@code now} (null: the
     * portal's default); empty when no portal serves links.
     */
    default Optional<String> issue(Customer customer, Integer validDays, OffsetDateTime now) {
        return make(customer, validDays, now).map(link -> {
            link.keep().run();
            return link.url();
        });
    }

    /**
     * A new link as {@link #issue} makes it, that opens only once {@link NewLink#keep()} has run (in
     * the caller's transaction): a message already recorded, sent again by a retry, keeps none.
     */
    Optional<NewLink> make(Customer customer, Integer validDays, OffsetDateTime now);

    /** A link made for a message, and what stores it. */
    record NewLink(String url, Runnable keep) {
    }

    /** The page of financial-education tips that reminders link to ({@code {{link_dicas}}}). */
    String tipsPage();
}
