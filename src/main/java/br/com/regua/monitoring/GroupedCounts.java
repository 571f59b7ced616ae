package br.com.regua.monitoring;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * One gauge name with a series per group of a {@code group by} count ({@code regua_cases{stage="...",status="..."}}).
 * A group that no longer has rows leaves the scrape rather than lingering at its last value.
 */
public final class GroupedCounts {

    private final MultiGauge gauge;

    private GroupedCounts(MultiGauge gauge) {
        this.gauge = gauge;
    }

    /** A grouped gauge, or one that shows nothing when there is no registry (a slice test). */
    public static GroupedCounts register(MeterRegistry registry, String name, String description) {
        return new GroupedCounts(registry == null ? null : MultiGauge.builder(name).description(description).register(registry));
    }

    /** The new counts, each under its tags. */
    public void show(Map<Tags, ? extends Number> counts) {
        if (gauge == null) {
            return;
        }
        List<MultiGauge.Row<?>> rows = counts.entrySet().stream()
                .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(e.getKey(), e.getValue()))
                .toList();
        gauge.register(rows, true);
    }
}
