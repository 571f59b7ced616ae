package br.com.regua.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A clock a person moves forward (simulation profile only). Moving it moves Camunda's clock too,
 * so timers, due dates and rules all see the same time.
 */
public class SimulationClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    public SimulationClock(Instant start, ZoneId zone) {
        this.zone = zone;
        moveTo(start);
    }

    /** Sets the time; Camunda's clock follows. */
    public synchronized void moveTo(Instant instant) {
        this.now = instant;
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
