package br.com.regua.agreement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import br.com.regua.errors.InvalidInputException;
import br.com.regua.errors.NotFoundException;

/**
 * The receipt a debtor attaches to "Já paguei": a PDF, PNG or JPEG of at most {@link #MAX_BYTES},
 * its type read from its first bytes (a name or a declared type proves nothing: a program renamed
 * {@code .pdf} is refused). Kept as sent, with its SHA-256, for the staff who resolve the dispute.
 */
@Repository
public class DisputeReceipts {

    /** 5 MB: a phone's photo of a receipt or a bank's PDF fits; more is no receipt. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private final JdbcClient jdbc;

    DisputeReceipts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored receipt. */
    public record Receipt(String disputeId, byte[] content, String contentType, int size, String sha256, OffsetDateTime createdAt) {
    }

    /** Why a file is no receipt Régua keeps. */
    public enum Refusal {
        EMPTY, TOO_LARGE, NOT_A_RECEIPT
    }

    /** A file refused as a receipt; nothing was stored. Maps to 400 naming {@code receipt}. */
    public static final class RefusedReceiptException extends InvalidInputException {
        private final Refusal refusal;

        RefusedReceiptException(Refusal refusal, String message) {
            super("receipt", message);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /** The receipt's content type, read from its first bytes; refused when it is none of PDF, PNG, JPEG, or too large. */
    public static String check(byte[] content) {
        if (content == null || content.length == 0) {
            throw new RefusedReceiptException(Refusal.EMPTY, "the file is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new RefusedReceiptException(Refusal.TOO_LARGE, "must be at most 5 MB");
        }
        return typeOf(content).orElseThrow(() -> new RefusedReceiptException(Refusal.NOT_A_RECEIPT, "must be a PDF, PNG or JPEG file"));
    }

    static Optional<String> typeOf(byte[] content) {
        if (startsWith(content, PDF)) {
            return Optional.of("application/pdf");
        }
        if (startsWith(content, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(content, JPEG)) {
            return Optional.of("image/jpeg");
        }
        return Optional.empty();
    }

    /** Stores a checked receipt with the dispute it proves payment for. */
    void store(String disputeId, byte[] content, OffsetDateTime now) {
        String type = check(content);
        jdbc.sql("""
                insert into dispute_receipt (dispute_id, content, content_type, size_bytes, sha256, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(disputeId, content, type, content.length, sha256(content), now).update();
    }

    public Receipt of(String disputeId) {
        return jdbc.sql("select * from dispute_receipt where dispute_id = ?").param(disputeId)
                .query((rs, n) -> new Receipt(rs.getString("dispute_id"), rs.getBytes("content"), rs.getString("content_type"),
                        rs.getInt("size_bytes"), rs.getString("sha256"), rs.getObject("created_at", OffsetDateTime.class)))
                .optional().orElseThrow(() -> new NotFoundException("dispute " + disputeId + " has no receipt"));
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
