package br.com.regua.schedule;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import br.com.regua.policy.PlannedStep;
import br.com.regua.policy.PolicyDecision;
import br.com.regua.policy.RequiredNotice;
import br.com.regua.policy.StageCatalog;

/**
 * Turns the plan the rules produced into the next step and its exact time. The case moves to the
 * first planned step after the one it is at; when several steps are already due (a debt
 * registered late, a long pause), only the latest of them runs, since the earlier ones are stale.
 * Nothing here counts steps taken: the position is the last step's (day, stage), recomputed
 * against a plan that is itself recomputed from the facts of the moment.
 * <p>
 * Skipping never passes a notice the policy requires ({@link RequiredNotice}): when a step ahead
 * is due and a notice it requires has not reached the debtor, that notice is planned first, now;
 * a step whose notice went out late waits the notice's period from the day it went out. Which
 * notices and which periods is the rules' say; what was delivered is the case's history.
 */
public final class NextStepPlanner {

    private NextStepPlanner() {
    }

    /** A step to take: the stage, its day counted from the due date, and when. */
    public record ScheduledStep(String stage, int day, ZonedDateTime at) {
    }

    /**
     * @param stages      the stages of the case's version of the schedule: only they are planned, and their
     *                    order breaks a tie between two steps of one day
     * @param lastStage   the stage the case is at
     * @param lastStepDay the day of that step, or null when the case has taken none
     * @param dueDate     due date of the receivable
     * @param pausedDays  days the case was paused, which push every step back
     * @param now         the current time in the business time zone
     */
    public static Optional<ScheduledStep> next(PolicyDecision decision, StageCatalog stages, String lastStage, Integer lastStepDay,
                                               LocalDate dueDate, int pausedDays, ZonedDateTime now) {
        return next(decision, stages, lastStage, lastStepDay, dueDate, pausedDays, now, Map.of());
    }

    /**
     * @param reached the day each stage the case went through was first reached (its history)
     */
    public static Optional<ScheduledStep> next(PolicyDecision decision, StageCatalog stages, String lastStage, Integer lastStepDay,
                                               LocalDate dueDate, int pausedDays, ZonedDateTime now, Map<String, LocalDate> reached) {
        List<PlannedStep> ahead = decision.plan().stream()
                // a stage this version of the process has no element for (one added in a later version, which
                // this case was not moved to) is left out, as if a rule skipped it; a notice the law requires
                // is still asked for below, and the step stops at an incident if the version cannot send it
                .filter(s -> stages.knows(s.getStage()))
                .map(s -> heldByNotices(decision, s, reached, dueDate, pausedDays))
                .sorted(stages.planOrder())
                .filter(s -> lastStepDay == null || isAfter(stages, s, lastStage, lastStepDay))
                .toList();
        if (ahead.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = now.toLocalDate();
        Optional<PlannedStep> missing = missingNotice(decision, ahead, reached, dueDate, pausedDays, today);
        if (missing.isPresent()) {
            return Optional.of(new ScheduledStep(missing.get().getStage(), missing.get().getDay(),
                    ContactHours.nextAllowed(now, decision.contactWindows())));
        }
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

    /**
     * The first required notice, in plan order, that has not reached the debtor although a step
     * needing it (or the notice's own day) is due. Its day is the notice's planned day when that is
     * still ahead, else the day of the step needing it, so the position never moves back.
     */
    private static Optional<PlannedStep> missingNotice(PolicyDecision decision, List<PlannedStep> ahead, Map<String, LocalDate> reached,
                                                       LocalDate dueDate, int pausedDays, LocalDate today) {
        for (PlannedStep step : ahead) {
            for (RequiredNotice required : decision.noticesRequiredBy(step.getStage())) {
                if (reached.containsKey(required.getNotice())) {
                    continue;
                }
                Optional<PlannedStep> planned = ahead.stream().filter(s -> s.getStage().equals(required.getNotice())).findFirst();
                boolean due = !dateOf(step, dueDate, pausedDays).isAfter(today)
                        || planned.map(n -> !dateOf(n, dueDate, pausedDays).isAfter(today)).orElse(false);
                if (due) {
                    return Optional.of(planned.orElse(new PlannedStep(required.getNotice(), step.getDay())));
                }
            }
        }
        return Optional.empty();
    }

    /** {@code step}, moved to the end of the waiting period of a required notice that went out after its day allowed. */
    private static PlannedStep heldByNotices(PolicyDecision decision, PlannedStep step, Map<String, LocalDate> reached,
                                             LocalDate dueDate, int pausedDays) {
        int day = step.getDay();
        for (RequiredNotice required : decision.noticesRequiredBy(step.getStage())) {
            LocalDate sent = reached.get(required.getNotice());
            if (sent != null) {
                long heldUntil = ChronoUnit.DAYS.between(dueDate.plusDays(pausedDays), sent.plusDays(required.getDays()));
                day = (int) Math.max(day, heldUntil);
            }
        }
        return day == step.getDay() ? step : new PlannedStep(step.getStage(), day);
    }

    static LocalDate dateOf(PlannedStep step, LocalDate dueDate, int pausedDays) {
        return dueDate.plusDays((long) step.getDay() + pausedDays);
    }

    private static boolean isAfter(StageCatalog stages, PlannedStep step, String lastStage, int lastStepDay) {
        return step.getDay() > lastStepDay
                || (step.getDay() == lastStepDay && stages.order(step.getStage()) > stages.order(lastStage));
    }
}
