package br.com.regua.receivable;

import java.util.regex.Pattern;

/**
 * The grammar of every id a client gives Régua (receivables, customers, payments): 1 to 64 ASCII
 * letters, digits, {@code .}, {@code _}, {@code -} and {@code :}. Such an id goes into a URL path
 * unencoded, into a PIX txid, a log line and a process business key without surprises; a slash, a
 * space, a line break or a NUL byte in one is a client's bug, refused before anything is stored.
 */
public final class ExternalId {

    /** For {@code @Pattern}: the whole value must match. */
    public static final String GRAMMAR = "[A-Za-z0-9._:-]{1,64}";
    public static final String RULE = "must be 1 to 64 letters, digits, '.', '_', '-' or ':'";

    private static final Pattern VALID = Pattern.compile(GRAMMAR);

    private ExternalId() {
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
