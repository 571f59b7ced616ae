package br.com.regua.events;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fact about one receivable, announced where it is recorded. {@code data} is what a backend
 * reads (plain values: strings, numbers, lists); the receivable's external id is always in it as
 * {@code receivable}, and events of one receivable reach a backend in the order they were published.
 *
 * @param type       what happened
 * @param receivable the receivable's external id
 * @param at         when it happened (the fact's own time)
 * @param data       the details, by name
 */
public record BusinessEvent(EventType type, String receivable, OffsetDateTime at, Map<String, Object> data) {

    public BusinessEvent {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("receivable", receivable);
        all.putAll(data);
        data = Collections.unmodifiableMap(all);
    }

    /** An event with details given as name, value, name, value… (values may be null). */
    public static BusinessEvent of(EventType type, String receivable, OffsetDateTime at, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            data.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new BusinessEvent(type, receivable, at, data);
    }
}
