package br.com.regua.receivable;

import java.util.Locale;

/**
 * CPF and CNPJ check digits, including the alphanumeric CNPJ (IN RFB 2.229/2024) where each of the
 * first twelve characters counts as its ASCII code minus 48.
 */
public final class TaxDocument {

    private static final int[] CPF_WEIGHTS = {11, 10, 9, 8, 7, 6, 5, 4, 3, 2};
    private static final int[] CNPJ_WEIGHTS = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};

    private TaxDocument() {
    }

    /** Strips punctuation (dots, slash, dash, spaces) and upper-cases letters. */
    public static String normalize(String document) {
        return document == null ? "" : document.replaceAll("[.\\-/\\s]", "").toUpperCase(Locale.ROOT);
    }

    public static boolean isValidCpf(String document) {
        String d = normalize(document);
        if (!d.matches("\\d{11}") || d.chars().distinct().count() == 1) {
            return false;
        }
        return checkDigit(d, 9, CPF_WEIGHTS, 1) == d.charAt(9) - '0' && checkDigit(d, 10, CPF_WEIGHTS, 0) == d.charAt(10) - '0';
    }

    public static boolean isValidCnpj(String document) {
        String d = normalize(document);
        if (!d.matches("[0-9A-Z]{12}\\d{2}") || d.chars().distinct().count() == 1) {
            return false;
        }
        return checkDigit(d, 12, CNPJ_WEIGHTS, 1) == d.charAt(12) - '0' && checkDigit(d, 13, CNPJ_WEIGHTS, 0) == d.charAt(13) - '0';
    }

    /** Mod 11 over the first {@code length} characters with the tail of {@code weights}. */
    private static int checkDigit(String d, int length, int[] weights, int weightOffset) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += (d.charAt(i) - '0') * weights[i + weightOffset];
        }
        int r = sum % 11;
        return r < 2 ? 0 : 11 - r;
    }

    /** Shows only what identifies a document to a person reading logs: {@code ***.444.777-**}. */
    public static String mask(String document) {
        String d = normalize(document);
        if (d.length() == 11) {
            return "***." + d.substring(3, 6) + "." + d.substring(6, 9) + "-**";
        }
        if (d.length() == 14) {
            return "**." + d.substring(2, 5) + "." + d.substring(5, 8) + "/****-**";
        }
        return "***";
    }
}
