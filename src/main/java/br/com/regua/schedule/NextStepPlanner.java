package br.com.regua.schedule;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import br.com.regua.policy.PlannedStep;
import br.com.regua.policy.PolicyDecision;
import br.com.regua.policy.Stage;

/**
 * Turns the plan the rules produced into the next step and its exact time. The case moves to the
 * first planned step after the one it is at; when several steps are already due (a debt
 * registered late, a long pause), only the latest of them runs, since the earlier ones are stale.
 * Nothing here counts steps taken: the position is the last step's (day, stage), recomputed
 * against a plan that is itself recomputed from the facts of the moment.
 */
public final class NextStepPlanner {

    private NextStepPlanner() {
    }

    /** A step to take: the stage, its day counted from the due date, and when. */
    public record ScheduledStep(Stage stage, int day, ZonedDateTime at) {
    }

    /**
     * @param lastStage   the stage the case is at
     * @param lastStepDay the day of that step, or null when the case has taken none
     * @param dueDate     due date of the receivable
     * @param pausedDays  days the case was paused, which push every step back
     * @param now         the current time in the business time zone
     */
    public static Optional<ScheduledStep> next(PolicyDecision decision, Stage lastStage, Integer lastStepDay,
                                               LocalDate dueDate, int pausedDays, ZonedDateTime now) {
        List<PlannedStep> ahead = decision.plan().stream()
                .filter(s -> lastStepDay == null || isAfter(s, lastStage, lastStepDay))
                .toList();
        if (ahead.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = now.toLocalDate();
        PlannedStep chosen = null;
        for (PlannedStep step : ahead) {
            if (!dateOf(step, dueDate, pausedDays).isAfter(today)) {
                chosen = step; // keep the latest step already due
            }
        }
        ZonedDateTime earliest;
        if (chosen != null) {
            earliest = now;
        } else {
            chosen = ahead.get(0);
            earliest = dateOf(chosen, dueDate, pausedDays).atStartOfDay(now.getZone());
        }
        return Optional.of(new ScheduledStep(chosen.getStage(), chosen.getDay(),
                ContactHours.nextAllowed(earliest, decision.contactWindows())));
    }

    static LocalDate dateOf(PlannedStep step, LocalDate dueDate, int pausedDays) {
        return dueDate.plusDays((long) step.getDay() + pausedDays);
    }

    private static boolean isAfter(PlannedStep step, Stage lastStage, int lastStepDay) {
        return step.getDay() > lastStepDay || (step.getDay() == lastStepDay && step.getStage().compareTo(lastStage) > 0);
    }
}
