package br.com.regua.contact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import br.com.regua.errors.UnprocessableException;
import br.com.regua.logging.LogText;
import br.com.regua.outbox.Leases;
import br.com.regua.policy.Channel;
import br.com.regua.receivable.PostalAddress;
import br.com.regua.settings.ReguaProperties;

/**
 * Letters: the PDF of a contact whose channel is LETTER, rendered once when it leaves (to the
 * print-and-post provider, or into the day's batch) and kept, so the document shown later is the one
 * posted; the daily batch as a ZIP; the post's tracking code and return receipt.
 */
@Service
public class Letters {

    /** Why a letter cannot go: the reason its contact FAILED with. */
    static final String NO_ADDRESS = "sem endereço postal: o devedor não tem endereço cadastrado";

    private static final Logger log = LoggerFactory.getLogger(Letters.class);

    private final JdbcClient jdbc;
    private final ReguaProperties properties;
    private final Clock clock;

    Letters(JdbcClient jdbc, ReguaProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** The addressee of a letter and what it is about. */
    record Addressee(String name, PostalAddress address, String receivable) {
    }

    /** A letter ready to post: its PDF and the address printed on it. */
    record Printed(byte[] pdf, Addressee to) {
    }

    /**
     * Renders the letter of a claimed contact and keeps it (a second try keeps the first rendering's
     * text with today's date). A debtor without a postal address is a letter that cannot go: refused
     * for good, so the contact FAILED with the reason, an incident and the fallback channel follow.
     */
    Printed print(OutgoingContact c) throws DeliveryException {
        Addressee to = addressee(c.receivableId());
        if (to.address() == null) {
            log.error("Letter {} ({}) for {} cannot be posted: {}", c.id(), c.what(), LogText.of(to.receivable()), NO_ADDRESS);
            throw new DeliveryException(NO_ADDRESS, true);
        }
        byte[] pdf = render(c.id(), c.subject(), c.body(), to);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (jdbc.sql("update letter set pdf = ?, address = ?, created_at = ? where contact_id = ?")
                .params(pdf, to.address().oneLine(), now, c.id()).update() == 0) {
            jdbc.sql("insert into letter (contact_id, pdf, address, created_at) values (?, ?, ?, ?)")
                    .params(c.id(), pdf, to.address().oneLine(), now).update();
        }
        return new Printed(pdf, to);
    }

    /** Puts a printed letter into the batch of {@code day}. */
    void inBatch(long contactId, LocalDate day) {
        jdbc.sql("update letter set batch_date = ? where contact_id = ?").params(day, contactId).update();
    }

    /** Keeps the tracking code the provider gave when it took the letter. */
    void tracked(long contactId, String trackingCode) {
        if (trackingCode != null) {
            jdbc.sql("update letter set tracking_code = ? where contact_id = ?").params(Leases.clip(trackingCode), contactId).update();
        }
    }

    /** The post's word on a letter (a delivery report): its tracking code and when the debtor signed the return receipt. */
    void received(long contactId, String trackingCode, OffsetDateTime receivedAt) {
        jdbc.sql("""
                update letter set tracking_code = coalesce(?, tracking_code), received_at = coalesce(?, received_at)
                where contact_id = ?""").params(trackingCode, receivedAt, contactId).update();
    }

    /**
     * What the post said of a letter, for its timeline entry:
     * "rastreio BR123456789BR; AR assinado em 2026-04-23T15:30-03:00"; null when nothing.
     */
    static String tracking(String trackingCode, OffsetDateTime receivedAt) {
        if (trackingCode == null && receivedAt == null) {
            return null;
        }
        String code = trackingCode == null ? null : "rastreio " + trackingCode;
        String ar = receivedAt == null ? null : "AR assinado em " + receivedAt;
        return code == null ? ar : ar == null ? code : code + "; " + ar;
    }

    /**
     * The PDF of a letter: as posted, or, for one not yet posted, as it would be printed today.
     * Empty for a contact that is no letter (or none at all).
     */
    public Optional<byte[]> document(long contactId) {
        Optional<byte[]> stored = jdbc.sql("select pdf from letter where contact_id = ?").param(contactId).query(byte[].class).optional();
        if (stored.isPresent()) {
            return stored;
        }
        record Unsent(long receivableId, String subject, String body) {
        }
        return jdbc.sql("select receivable_id, subject, body from contact where id = ? and channel = ?")
                .params(contactId, Channel.LETTER.name())
                .query((rs, n) -> new Unsent(rs.getLong(1), rs.getString(2), rs.getString(3))).optional()
                .map(u -> {
                    Addressee to = addressee(u.receivableId());
                    if (to.address() == null) {
                        throw new UnprocessableException("address",
                                "letter " + contactId + " cannot be printed: " + NO_ADDRESS);
                    }
                    return render(contactId, u.subject(), u.body(), to);
                });
    }

    /** One letter of a batch, as its manifest lists it. */
    public record BatchLetter(long contactId, String receivable, String debtor, String address, String stage, byte[] pdf) {
    }

    /** The letters put into the batch of {@code day}, in the order they were claimed. */
    public List<BatchLetter> batch(LocalDate day) {
        return jdbc.sql("""
                select l.contact_id, r.external_id, cu.name, l.address, c.stage, c.kind, l.pdf
                from letter l join contact c on c.id = l.contact_id join receivable r on r.id = c.receivable_id
                join customer cu on cu.id = r.customer_id
                where l.batch_date = ? order by l.contact_id""").param(day)
                .query((rs, n) -> new BatchLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5) != null ? rs.getString(5) : rs.getString(6), rs.getBytes(7)))
                .list();
    }

    /** The batch as one ZIP: {@code manifest.csv} (contact, receivable, debtor, address, stage) and one PDF per letter. */
    public static byte[] zip(List<BatchLetter> letters) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            StringBuilder manifest = new StringBuilder("contact_id,receivable,debtor,address,stage,file\r\n");
            for (BatchLetter l : letters) {
                String file = "carta-" + l.contactId() + ".pdf";
                manifest.append(l.contactId()).append(',').append(csv(l.receivable())).append(',').append(csv(l.debtor())).append(',')
                        .append(csv(l.address())).append(',').append(csv(l.stage())).append(',').append(file).append("\r\n");
                zip.putNextEntry(new ZipEntry(file));
                zip.write(l.pdf());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("manifest.csv"));
            zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        // a cell a spreadsheet would run as a formula is quoted with a leading apostrophe
        String v = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return v.matches(".*[,\"\\r\\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private Addressee addressee(long receivableId) {
        return jdbc.sql("""
                select c.name, c.address_street, c.address_number, c.address_complement, c.address_district, c.address_city,
                       c.address_state, c.address_postal_code, r.external_id
                from customer c join receivable r on r.customer_id = c.id where r.id = ?""").param(receivableId)
                .query((rs, n) -> new Addressee(rs.getString(1), rs.getString(8) == null ? null
                        : new PostalAddress(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8)), rs.getString(9)))
                .single();
    }

    private byte[] render(long contactId, String subject, String body, Addressee to) {
        return LetterPdf.render(properties.creditor(), to.name(), to.address(), LocalDate.now(clock), subject, body,
                to.receivable() + "/" + contactId);
    }
}
