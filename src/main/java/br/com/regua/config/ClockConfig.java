package br.com.regua.config;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import br.com.regua.settings.ReguaProperties;
import br.com.regua.schedule.SimulationClock;

/** The one clock every date decision reads; in the simulation profile a person moves it. */
@Configuration
public class ClockConfig {

    @Bean
    @Profile("!simulation")
    Clock systemClock(ReguaProperties properties) {
        return Clock.system(properties.timeZone());
    }

    /**
     * Starts now, or at {@code regua.simulation.start} (a date-time with offset): a simulation of a
     * past or future day, or another node joining a simulation already under way.
     */
    @Bean
    @Profile("simulation")
    SimulationClock simulationClock(ReguaProperties properties, @Value("${regua.simulation.start:}") String start) {
        Instant at = start.isBlank() ? Clock.system(properties.timeZone()).instant() : OffsetDateTime.parse(start).toInstant();
        return new SimulationClock(at, properties.timeZone());
    }
}
