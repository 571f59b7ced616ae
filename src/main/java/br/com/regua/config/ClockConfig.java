package br.com.regua.config;

import java.time.Clock;

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

    @Bean
    @Profile("simulation")
    SimulationClock simulationClock(ReguaProperties properties) {
        return new SimulationClock(Clock.system(properties.timeZone()).instant(), properties.timeZone());
    }
}
