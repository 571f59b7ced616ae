package br.com.regua.monitoring;

/**
 * Gauges whose values come from counting rows. {@link #count()} runs on the monitoring thread every
 * {@code regua.monitoring.refresh-interval}; the gauges show the last count in between.
 */
public interface CountedGauges {

    /** Counts again and updates the gauges. */
    void count();
}
