package br.com.regua.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import br.com.regua.policy.ChargeRates;
import br.com.regua.policy.ContactWindow;
import br.com.regua.policy.OfferTerms;
import br.com.regua.policy.PlannedStep;
import br.com.regua.policy.PolicyDecision;
import br.com.regua.policy.Segment;
import br.com.regua.policy.Stage;
import br.com.regua.schedule.NextStepPlanner.ScheduledStep;

class NextStepPlannerTests {

    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    private static final LocalDate DUE = LocalDate.of(2026, 3, 16); // a Monday

    private static PolicyDecision plan(PlannedStep... steps) {
        List<ContactWindow> everyDay = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            everyDay.add(new ContactWindow(d, LocalTime.of(8, 0), LocalTime.of(20, 0)));
        }
        List<PlannedStep> sorted = new ArrayList<>(List.of(steps));
        sorted.sort(PolicyDecision.PLAN_ORDER);
        return new PolicyDecision(Segment.REGULAR, 2, sorted, new ChargeRates(new BigDecimal("0.02"), new BigDecimal("0.01"), 30),
                everyDay, List.of(), new OfferTerms(), 0, List.of(), "test", 0);
    }

    private static final PolicyDecision DEFAULT = plan(new PlannedStep(Stage.PRE_DUE_REMINDER, -5),
            new PlannedStep(Stage.DUE_DAY_NOTICE, 0), new PlannedStep(Stage.GRACE_PERIOD, 2),
            new PlannedStep(Stage.FRIENDLY_REMINDER, 3), new PlannedStep(Stage.FRIENDLY_REMINDER, 10),
            new PlannedStep(Stage.FORMAL_NOTICE, 30), new PlannedStep(Stage.LEGAL_REFERRAL, 90));

    private static ZonedDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZONE);
    }

    @Test
    void aFreshCaseWaitsForItsFirstStepAtTheOpeningOfContactHours() {
        Optional<ScheduledStep> next = NextStepPlanner.next(DEFAULT, Stage.REGISTERED, null, DUE, 0, at(DUE.minusDays(14), 10));

        assertThat(next).get().extracting(ScheduledStep::stage, ScheduledStep::day).containsExactly(Stage.PRE_DUE_REMINDER, -5);
        assertThat(next.get().at()).isEqualTo(at(DUE.minusDays(5), 8));
    }

    @Test
    void aStageThatRepeatsMovesToItsNextDay() {
        Optional<ScheduledStep> next = NextStepPlanner.next(DEFAULT, Stage.FRIENDLY_REMINDER, 3, DUE, 0, at(DUE.plusDays(3), 9));

        assertThat(next).get().extracting(ScheduledStep::stage, ScheduledStep::day).containsExactly(Stage.FRIENDLY_REMINDER, 10);
    }

    @Test
    void aDebtRegisteredLateGoesStraightToTheLatestStepAlreadyDueAndSkipsStaleOnes() {
        Optional<ScheduledStep> next = NextStepPlanner.next(DEFAULT, Stage.REGISTERED, null, DUE, 0, at(DUE.plusDays(12), 10));

        assertThat(next).get().extracting(ScheduledStep::stage, ScheduledStep::day).containsExactly(Stage.FRIENDLY_REMINDER, 10);
        assertThat(next.get().at()).isEqualTo(at(DUE.plusDays(12), 10));
    }

    @Test
    void pausedDaysPushEveryStepBack() {
        Optional<ScheduledStep> next = NextStepPlanner.next(DEFAULT, Stage.FRIENDLY_REMINDER, 10, DUE, 7, at(DUE.plusDays(12), 10));

        assertThat(next.get().at()).isEqualTo(at(DUE.plusDays(37), 8));
    }

    @Test
    void theDateIsRecomputedFromThePlanNotCountedFromTheLastStep() {
        // the formal notice moved from day 30 to day 20 since the last step: the wait follows the plan of now
        PolicyDecision moved = plan(new PlannedStep(Stage.FRIENDLY_REMINDER, 10), new PlannedStep(Stage.FORMAL_NOTICE, 20),
                new PlannedStep(Stage.LEGAL_REFERRAL, 90));
        Optional<ScheduledStep> next = NextStepPlanner.next(moved, Stage.FRIENDLY_REMINDER, 10, DUE, 0, at(DUE.plusDays(11), 10));

        assertThat(next.get().at()).isEqualTo(at(DUE.plusDays(20), 8));
    }

    @Test
    void nothingAfterTheLastStep() {
        assertThat(NextStepPlanner.next(DEFAULT, Stage.LEGAL_REFERRAL, 90, DUE, 0, at(DUE.plusDays(90), 10))).isEmpty();
    }
}
