package br.com.regua.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import br.com.regua.errors.FieldProblem;
import br.com.regua.errors.InvalidInputException;
import br.com.regua.policy.Segment;
import br.com.regua.receivable.ExternalId;
import br.com.regua.receivable.ReceivableStatus;

/**
 * Which receivables to list, and which page of them. Every value is checked before any query: a
 * bad one is refused naming its parameter, never taken for "no filter".
 *
 * @param status     a receivable status, or null for any
 * @param stage      a stage key as the BPMN declares it, or null for any
 * @param segment    a segment, or null for any
 * @param customer   the customer's external id, or null for any
 * @param overdueMin at least this many days past the due date today, or null for any
 */
public record ReceivableFilter(String status, String stage, String segment, String customer, Integer overdueMin, int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    // stage keys are the BPMN's: upper-case words joined by underscores
    private static final Pattern STAGE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    /** Reads the query parameters as the API receives them (null when absent). */
    public static ReceivableFilter parse(String status, String stage, String segment, String customer, String overdueMin, String page,
                                         String size) {
        List<FieldProblem> problems = new ArrayList<>();
        String st = blankToNull(status);
        if (st != null && Arrays.stream(ReceivableStatus.values()).noneMatch(s -> s.name().equals(st.toUpperCase(Locale.ROOT)))) {
            problems.add(new FieldProblem("status", "must be one of " + Arrays.toString(ReceivableStatus.values())));
        }
        String sg = blankToNull(stage);
        if (sg != null && !STAGE.matcher(sg.toUpperCase(Locale.ROOT)).matches()) {
            problems.add(new FieldProblem("stage", "must be a stage key such as FORMAL_NOTICE"));
        }
        String seg = blankToNull(segment);
        if (seg != null && Arrays.stream(Segment.values()).noneMatch(s -> s.name().equals(seg.toUpperCase(Locale.ROOT)))) {
            problems.add(new FieldProblem("segment", "must be one of " + Arrays.toString(Segment.values())));
        }
        String cu = blankToNull(customer);
        if (cu != null && !ExternalId.isValid(cu)) {
            problems.add(new FieldProblem("customer", "must be a customer's external id: " + ExternalId.RULE));
        }
        Integer min = integer(overdueMin, "overdueMin", -100_000, 100_000, problems);
        Integer p = integer(page, "page", 0, 1_000_000, problems);
        Integer s = integer(size, "size", 1, MAX_SIZE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ReceivableFilter(st == null ? null : st.toUpperCase(Locale.ROOT), sg == null ? null : sg.toUpperCase(Locale.ROOT),
                seg == null ? null : seg.toUpperCase(Locale.ROOT), cu, min, p == null ? 0 : p, s == null ? DEFAULT_SIZE : s);
    }

    private static Integer integer(String value, String name, int min, int max, List<FieldProblem> problems) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, as an out-of-range number is
        }
        problems.add(new FieldProblem(name, "must be a whole number from " + min + " to " + max));
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
