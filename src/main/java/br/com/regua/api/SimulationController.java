package br.com.regua.api;

import java.time.OffsetDateTime;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import br.com.regua.errors.InvalidInputException;
import br.com.regua.schedule.SimulationService;

/** Moves the simulation clock; exists only with the {@code simulation} profile. */
@RestController
@RequestMapping("/api/simulation")
@Profile("simulation")
class SimulationController {

    private final SimulationService simulation;

    SimulationController(SimulationService simulation) {
        this.simulation = simulation;
    }

    record AdvanceRequest(OffsetDateTime to) {
    }

    @PostMapping("/advance")
    SimulationService.Advance advance(@RequestBody AdvanceRequest request) {
        if (request.to() == null) {
            throw new InvalidInputException("to", "must be a date-time with offset, e.g. 2026-12-01T09:00:00-03:00");
        }
        try {
            return simulation.advanceTo(request.to().toInstant());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("to", e.getMessage());
        }
    }
}
