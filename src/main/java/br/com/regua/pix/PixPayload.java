package br.com.regua.pix;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The PIX "copia e cola" text of a static BR Code (Banco Central's EMV profile): the debtor pastes it
 * into any bank app and pays the exact amount to the creditor's key, with the transaction id that
 * lets the payment be matched back to the receivable.
 */
public final class PixPayload {

    private static final Pattern TXID = Pattern.compile("[A-Za-z0-9]{1,25}|\\*\\*\\*");
    // compiled once: every message with a PIX code runs them
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^A-Za-z0-9]");
    private static final Pattern MARK = Pattern.compile("\\p{M}");
    private static final Pattern NOT_PRINTABLE_ASCII = Pattern.compile("[^\\x20-\\x7E]");
    private static final int MAX_NAME = 25;
    private static final int MAX_CITY = 15;

    private PixPayload() {
    }

    /**
     * @param key    the creditor's PIX key (CPF/CNPJ digits, e-mail, +55 phone or random key)
     * @param amount the amount to pay, or {@code null} to let the payer type it
     * @param txid   1–25 letters and digits, or {@code ***} for none
     */
    public static String of(String key, String merchantName, String merchantCity, BigDecimal amount, String txid) {
        if (key == null || key.isBlank() || key.length() > 77) {
            throw new IllegalArgumentException("a PIX key of 1 to 77 characters is required");
        }
        if (!TXID.matcher(txid).matches()) {
            throw new IllegalArgumentException("txid must be 1-25 letters and digits or ***: " + txid);
        }
        StringBuilder s = new StringBuilder()
                .append(field("00", "01"))
                .append(field("26", field("00", "br.gov.bcb.pix") + field("01", key.trim())))
                .append(field("52", "0000"))
                .append(field("53", "986"));
        if (amount != null) {
            if (amount.signum() <= 0) {
                throw new IllegalArgumentException("amount must be positive: " + amount);
            }
            s.append(field("54", amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString()));
        }
        s.append(field("58", "BR"))
                .append(field("59", plain(merchantName, MAX_NAME)))
                .append(field("60", plain(merchantCity, MAX_CITY)))
                .append(field("62", field("05", txid)))
                .append("6304");
        return s.append(crc16(s.toString())).toString();
    }

    /** A transaction id from any reference: only letters and digits survive, at most 25 of them. */
    public static String txidOf(String reference) {
        String id = NOT_LETTER_OR_DIGIT.matcher(plain(reference, Integer.MAX_VALUE)).replaceAll("");
        if (id.isEmpty()) {
            return "***";
        }
        return id.length() <= 25 ? id : id.substring(id.length() - 25);
    }

    private static String field(String id, String value) {
        if (value.length() > 99) {
            throw new IllegalArgumentException("BR Code field " + id + " longer than 99 characters");
        }
        return id + String.format(Locale.ROOT, "%02d", value.length()) + value;
    }

    // bank apps read these fields as plain ASCII: "São Paulo" becomes "Sao Paulo"
    private static String plain(String text, int max) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("merchant name and city are required");
        }
        String ascii = NOT_PRINTABLE_ASCII.matcher(MARK.matcher(Normalizer.normalize(text.trim(), Normalizer.Form.NFD)).replaceAll(""))
                .replaceAll("");
        return ascii.length() <= max ? ascii : ascii.substring(0, max).trim();
    }

    /** CRC16-CCITT-FALSE (polynomial 0x1021, initial 0xFFFF), four upper-case hex digits. */
    static String crc16(String text) {
        int crc = 0xFFFF;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            crc ^= (b & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                crc &= 0xFFFF;
            }
        }
        return String.format(Locale.ROOT, "%04X", crc);
    }
}
