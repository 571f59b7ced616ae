package br.com.regua.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import br.com.regua.contact.DebtorLinks;
import br.com.regua.receivable.Customer;
import br.com.regua.receivable.ReceivableRepository;
import br.com.regua.receivable.ReceivableStatus;
import br.com.regua.receivable.TaxDocument;
import br.com.regua.transactions.WriteBehind;

/**
 * The personal links and the identity check behind them. A link is {@code <base>/p/<token>}: 128
 * random bits, URL-safe, 22 characters, short enough for an SMS and saying nothing about the
 * debtor. Only the token's SHA-256 is stored. A link opens nothing once expired, once revoked
 * (all the customer's cases have ended), or when it is not one Régua made: the caller cannot tell
 * which.
 */
@Service
public class PortalTokens implements DebtorLinks {

    /** How many characters of the CPF/CNPJ the debtor types. */
    public static final int DIGITS_ASKED = 5;

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Pattern LINK = Pattern.compile("/p/[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])");
    private static final ReceivableStatus[] STILL_OWED = {ReceivableStatus.OPEN, ReceivableStatus.IN_AGREEMENT, ReceivableStatus.DISPUTED};

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final ReceivableRepository receivables;
    private final PortalProperties properties;
    private final WriteBehind writes;

    PortalTokens(JdbcClient jdbc, ReceivableRepository receivables, PortalProperties properties, WriteBehind writes) {
        this.jdbc = jdbc;
        this.receivables = receivables;
        this.properties = properties;
        this.writes = writes;
    }

    /** A link that opens: whose it is, and the wrong answers it has had. */
    public record Link(long id, long customerId, String tokenHash, int failedAttempts, OffsetDateTime failuresSince) {
    }

    /** What the identity check answered; {@code triesLeft} before the link waits. */
    public record Check(Outcome outcome, int triesLeft) {
    }

    public enum Outcome { CONFIRMED, WRONG, LOCKED }

    @Override
    public Optional<NewLink> make(Customer customer, Integer validDays, OffsetDateTime now) {
        byte[] secret = new byte[16];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        int days = validDays == null ? properties.defaultLinkDays() : validDays;
        // stored with the step's other rows when its transaction commits: nothing reads a link before its message is sent
        return Optional.of(new NewLink(properties.base() + "/p/" + token, () -> writes.insert(
                "insert into portal_link (token_hash, customer_id, created_at, expires_at) values (?, ?, ?, ?)",
                hash(token), customer.id(), now, now.plusDays(days))));
    }

    @Override
    public String tipsPage() {
        return properties.base() + "/dicas";
    }

    /**
     * The link of {@code token} if it opens now. One whose customer owes nothing any more is revoked
     * here, with every other link of that customer.
     */
    @Transactional
    public Optional<Link> open(String token, OffsetDateTime now) {
        if (token == null || !FORM.matcher(token).matches()) {
            return Optional.empty();
        }
        Optional<Link> link = jdbc.sql("""
                        select id, customer_id, token_hash, failed_attempts, failures_since from portal_link
                        where token_hash = ? and revoked_at is null and expires_at > ?""")
                .params(hash(token), now)
                .query((rs, n) -> new Link(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("token_hash"),
                        rs.getInt("failed_attempts"), rs.getObject("failures_since", OffsetDateTime.class)))
                .optional();
        if (link.isPresent() && !owesAnything(link.get().customerId())) {
            jdbc.sql("update portal_link set revoked_at = ? where customer_id = ? and revoked_at is null")
                    .params(now, link.get().customerId()).update();
            return Optional.empty();
        }
        return link;
    }

    /**
     * Checks the first {@value #DIGITS_ASKED} characters of the debtor's CPF/CNPJ. Wrong answers are
     * counted per link; after {@code maxFailures} within {@code failureWindow} the link answers
     * LOCKED, even to the right answer, until the window has passed.
     */
    @Transactional
    public Check confirm(Link link, String answer, OffsetDateTime now) {
        Link locked = jdbc.sql("select id, customer_id, token_hash, failed_attempts, failures_since from portal_link where id = ? for update")
                .param(link.id())
                .query((rs, n) -> new Link(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("token_hash"),
                        rs.getInt("failed_attempts"), rs.getObject("failures_since", OffsetDateTime.class)))
                .single();
        boolean windowOver = locked.failuresSince() == null || !locked.failuresSince().plus(properties.failureWindow()).isAfter(now);
        int failures = windowOver ? 0 : locked.failedAttempts();
        if (failures >= properties.maxFailures()) {
            return new Check(Outcome.LOCKED, 0);
        }
        if (matches(receivables.customer(locked.customerId()), answer)) {
            jdbc.sql("update portal_link set failed_attempts = 0, failures_since = null where id = ?").param(locked.id()).update();
            return new Check(Outcome.CONFIRMED, properties.maxFailures());
        }
        failures++;
        jdbc.sql("update portal_link set failed_attempts = ?, failures_since = ? where id = ?")
                .params(failures, windowOver ? now : locked.failuresSince(), locked.id()).update();
        int left = properties.maxFailures() - failures;
        return new Check(left <= 0 ? Outcome.LOCKED : Outcome.WRONG, Math.max(0, left));
    }

    /** {@code text} with every personal link's token cut out, for whoever reads a debtor's messages but is not the debtor. */
    public static String redact(String text) {
        return text == null ? null : LINK.matcher(text).replaceAll("/p/…");
    }

    /** The SHA-256 of a token, hex: what is stored and what a session is bound to. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    private boolean owesAnything(long customerId) {
        for (ReceivableStatus status : STILL_OWED) {
            if (!receivables.findByCustomer(customerId, status).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Customer customer, String answer) {
        String document = TaxDocument.normalize(customer.document());
        if (answer == null || document.length() < DIGITS_ASKED) {
            return false;
        }
        String given = answer.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        // compared in constant time: how long the answer took must not say how much of it was right
        return given.length() == DIGITS_ASKED && MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
                document.substring(0, DIGITS_ASKED).getBytes(StandardCharsets.US_ASCII));
    }
}
