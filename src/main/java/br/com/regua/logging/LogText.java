package br.com.regua.logging;

/**
 * Text a caller sent (an external id, an author's comment, an exception message quoting input),
 * made safe to put in a log line: line breaks and other control characters are written as escapes
 * ({@code \n}, {@code \u0000}), so a value can neither start a forged line nor hide the rest of a
 * real one. Log statements pass such values through {@link #of}; Régua's own values need not.
 */
public final class LogText {

    private LogText() {
    }

    /** {@code value} as one line of printable text; {@code "null"} for null. */
    public static String of(Object value) {
        String text = String.valueOf(value);
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> safe.append("\\n");
                case '\r' -> safe.append("\\r");
                case '\t' -> safe.append("\\t");
                default -> {
                    if (unsafe(c)) {
                        safe.append(String.format("\\u%04x", (int) c));
                    } else {
                        safe.append(c);
                    }
                }
            }
        }
        return safe.toString();
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** C0 and C1 controls (NUL, CR, LF, ESC for terminal colours, NEL) and the Unicode line and paragraph separators. */
    private static boolean unsafe(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
