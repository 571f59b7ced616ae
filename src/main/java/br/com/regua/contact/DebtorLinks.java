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
    Optional<String> issue(Customer customer, Integer validDays, OffsetDateTime now);

    /** The page of financial-education tips that reminders link to ({@code {{link_dicas}}}). */
    String tipsPage();
}
