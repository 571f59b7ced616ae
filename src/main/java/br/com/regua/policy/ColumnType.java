package br.com.regua.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a column of a decision table holds, as a credit manager reads it, and what a cell of it may
 * say. A cell's text is what the CSV file keeps (a percentage as a fraction: 0.10 is 10%); empty
 * means "any value" in a condition and "not done" in an action.
 */
public enum ColumnType {
    /** The rule's name: a business sentence, the row's comment, seen in every decision record. */
    RULE_NAME("rule name"),
    TEXT("text"),
    /** Whole days, 0 or more. */
    DAYS("days"),
    /** A day counted from the due date: negative is before it. */
    DAY_OFFSET("day from the due date"),
    /** A whole number, 0 or more. */
    COUNT("number"),
    /** Points added, or taken off when negative. */
    POINTS("points"),
    /** Reais, 0 or more, at most 2 decimals. */
    MONEY("money (R$)"),
    /** A fraction from 0 to 1, shown as a percentage. */
    PERCENTAGE("percentage"),
    /** A time of day, HH:mm. */
    TIME("time"),
    SEGMENT("segment"),
    CUSTOMER_TYPE("customer type"),
    DAY_OF_WEEK("day of the week"),
    CHANNEL("channel"),
    /** A stage of the deployed collection process. */
    STAGE("stage"),
    /** true or false. */
    YES_NO("yes/no"),
    /** An action without a value: done when the cell says yes, not done when it is empty. */
    FLAG("yes or empty"),
    /** A Brazilian state (UF); empty: every other state. */
    STATE("state (UF)"),
    /** A value this server does not know the meaning of: a test keeps every column of the policy out of it. */
    UNKNOWN("unknown");

    /** The 27 units of the federation. */
    public static final List<String> STATES = List.of("AC", "AL", "AM", "AP", "BA", "CE", "DF", "ES", "GO", "MA", "MG", "MS",
            "MT", "PA", "PB", "PE", "PI", "PR", "RJ", "RN", "RO", "RR", "RS", "SC", "SE", "SP", "TO");

    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,10})?");
    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final int MAX_TEXT = 1000;

    private final String label;

    ColumnType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the page offers a pick-list. */
    public boolean picks() {
        return switch (this) {
            case SEGMENT, CUSTOMER_TYPE, DAY_OF_WEEK, CHANNEL, STAGE, STATE, YES_NO, FLAG -> true;
            default -> false;
        };
    }

    /**
     * What is wrong with a non-empty cell of this type, in a sentence for the person who typed it,
     * or null when it is right.
     *
     * @param options the pick-list's options, for the types that have one
     */
    public String problem(String value, List<String> options) {
        if (value.length() > MAX_TEXT) {
            return "must be at most " + MAX_TEXT + " characters";
        }
        return switch (this) {
            case RULE_NAME -> value.contains("\"") ? "must not contain double quotes" : null;
            case TEXT, UNKNOWN -> null;
            case DAYS -> WHOLE.matcher(value).matches() && !value.startsWith("-") ? null
                    : value.startsWith("-") && WHOLE.matcher(value).matches() ? "days cannot be negative" : "must be a whole number of days, 0 or more";
            case DAY_OFFSET -> WHOLE.matcher(value).matches() ? null : "must be a whole number of days (negative: before the due date)";
            case COUNT -> WHOLE.matcher(value).matches() && !value.startsWith("-") ? null : "must be a whole number, 0 or more";
            case POINTS -> WHOLE.matcher(value).matches() ? null : "must be a whole number of points (negative takes them off)";
            case MONEY -> money(value);
            case PERCENTAGE -> percentage(value);
            case TIME -> HH_MM.matcher(value).matches() ? null : "must be a time of day as HH:mm, e.g. 08:00";
            case YES_NO -> value.equals("true") || value.equals("false") ? null : "must be yes (true) or no (false)";
            case FLAG -> value.equals("yes") ? null : "must be yes, or empty";
            case SEGMENT, CUSTOMER_TYPE, DAY_OF_WEEK, CHANNEL, STAGE, STATE -> options.contains(value) ? null
                    : "'" + value + "' is not a known " + label + ": choose one of " + String.join(", ", options);
        };
    }

    private static String money(String value) {
        if (!DECIMAL.matcher(value).matches()) {
            return "must be an amount in reais with a dot for decimals, e.g. 1000.00";
        }
        BigDecimal amount = new BigDecimal(value);
        if (amount.signum() < 0) {
            return "an amount cannot be negative";
        }
        return amount.scale() > 2 ? "must have at most 2 decimals (centavos)" : null;
    }

    private static String percentage(String value) {
        if (!DECIMAL.matcher(value).matches()) {
            return "must be a percentage, kept as a fraction (0.10 is 10%)";
        }
        BigDecimal fraction = new BigDecimal(value);
        String shown = fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        if (fraction.signum() < 0) {
            return shown + " is negative: a percentage goes from 0% to 100%";
        }
        if (fraction.compareTo(BigDecimal.ONE) > 0) {
            return shown + " is more than 100%";
        }
        return fraction.scale() > 6 ? "must have at most 4 decimals as a percentage" : null;
    }
}
