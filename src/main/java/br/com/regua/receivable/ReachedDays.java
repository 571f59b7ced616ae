package br.com.regua.receivable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stages a case reached, with the day it first did, as one column: {@code FORMAL_NOTICE:30,BUREAU_PRIOR_NOTICE:35}.
 * Read with the receivable, so that a walk over the portfolio needs no query per case.
 */
public final class ReachedDays {

    private ReachedDays() {
    }

    public static String format(Map<String, Integer> days) {
        if (days == null || days.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        days.forEach((stage, day) -> out.append(out.isEmpty() ? "" : ",").append(stage).append(':').append(day));
        return out.toString();
    }

    static Map<String, Integer> parse(String column) {
        if (column == null || column.isBlank()) {
            return Map.of();
        }
        Map<String, Integer> days = new LinkedHashMap<>();
        for (String entry : column.split(",")) {
            int colon = entry.lastIndexOf(':');
            days.put(entry.substring(0, colon), Integer.valueOf(entry.substring(colon + 1)));
        }
        return Collections.unmodifiableMap(days);
    }
}
