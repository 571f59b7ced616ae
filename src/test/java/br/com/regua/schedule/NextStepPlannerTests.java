package br.com.regua.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import br.com.regua.policy.ChargeRates;
import br.com.regua.policy.ContactWindow;
import br.com.regua.policy.OfferTerms;
import br.com.regua.policy.PlannedStep;
import br.com.regua.policy.PolicyDecision;
import br.com.regua.policy.RequiredNotice;
import br.com.regua.policy.Segment;
import br.com.regua.policy.StageCatalog;
import br.com.regua.schedule.NextStepPlanner.ScheduledStep;

class NextStepPlannerTests {

    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    private static final LocalDate DUE = LocalDate.of(2026, 3, 16); // a Monday

    /** The planner's own stages, in their order: a mechanism test does not depend on the shipped process. */
    private static final StageCatalog STAGES = () -> List.of(stage("PRE_DUE_REMINDER", 10), stage("DUE_DAY_NOTICE", 20),
            stage("GRACE_PERIOD", 30), stage("FRIENDLY_REMINDER", 40), stage("FORMAL_NOTICE", 70), stage("BUREAU_PRIOR_NOTICE", 80),
            stage("BUREAU_REPORT", 90), stage("LEGAL_REFERRAL", 120));

    private static StageCatalog.StageInfo stage(String key, int order) {
        return new StageCatalog.StageInfo(key, key, order, key.equals("LEGAL_REFERRAL"), false, null, "Task_" + key);
    }

    private static PolicyDecision plan(PlannedStep... steps) {
        List<ContactWindow> everyDay = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            everyDay.add(new ContactWindow(d, LocalTime.of(8, 0), LocalTime.of(20, 0)));
        }
        List<PlannedStep> sorted = new ArrayList<>(List.of(steps));
        sorted.sort(STAGES.planOrder());
        return new PolicyDecision(Segment.REGULAR, 2, sorted, new ChargeRates(new BigDecimal("0.02"), new BigDecimal("0.01"), 30),
                everyDay, List.of(), new OfferTerms(), 0, List.of(), "test", 0);
    }

    private static final PolicyDecision DEFAULT = plan(new PlannedStep("PRE_DUE_REMINDER", -5),
            new PlannedStep("DUE_DAY_NOTICE", 0), new PlannedStep("GRACE_PERIOD", 2),
            new PlannedStep("FRIENDLY_REMINDER", 3), new PlannedStep("FRIENDLY_REMINDER", 10),
            new PlannedStep("FORMAL_NOTICE", 30), new PlannedStep("LEGAL_REFERRAL", 90));

    private static ZonedDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZONE);
    }

    @Test
    void aFreshCaseWaitsForItsFirstStepAtTheOpeningOfContactHours() {
        Optional<ScheduledStep> next = NextStepPlanner.next(DEFAULT, STAGES, "REGISTERED", null, DUE, 0, at(DUE.minusDays(14), 10));

        assertThat(next).get().extracting(ScheduledStep::stage, ScheduledStep::day).containsExactly("PRE_DUE_REMINDER", -5);
        assertThat(next.get().at()).isEqualTo(at(DUE.minusDays(5), 8));
    }

    @Test
    void aStageThatRepeatsMovesToItsNextDay() {
        Optional<ScheduledStep> next = NextStepPlanner.next(DEFAULT, STAGES, "FRIENDLY_REMINDER", 3, DUE, 0, at(DUE.plusDays(3), 9));

        assertThat(next).get().extracting(ScheduledStep::stage, ScheduledStep::day).containsExactly("FRIENDLY_REMINDER", 10);
    }

    @Test
    void aDebtRegisteredLateGoesStraightToTheLatestStepAlreadyDueAndSkipsStaleOnes() {
        Optional<ScheduledStep> next = NextStepPlanner.next(DEFAULT, STAGES, "REGISTERED", null, DUE, 0, at(DUE.plusDays(12), 10));

        assertThat(next).get().extracting(ScheduledStep::stage, ScheduledStep::day).containsExactly("FRIENDLY_REMINDER", 10);
        assertThat(next.get().at()).isEqualTo(at(DUE.plusDays(12), 10));
    }

    @Test
    void pausedDaysPushEveryStepBack() {
        Optional<ScheduledStep> next = NextStepPlanner.next(DEFAULT, STAGES, "FRIENDLY_REMINDER", 10, DUE, 7, at(DUE.plusDays(12), 10));

        assertThat(next.get().at()).isEqualTo(at(DUE.plusDays(37), 8));
    }

    @Test
    void theDateIsRecomputedFromThePlanNotCountedFromTheLastStep() {
        // the formal notice moved from day 30 to day 20 since the last step: the wait follows the plan of now
        PolicyDecision moved = plan(new PlannedStep("FRIENDLY_REMINDER", 10), new PlannedStep("FORMAL_NOTICE", 20),
                new PlannedStep("LEGAL_REFERRAL", 90));
        Optional<ScheduledStep> next = NextStepPlanner.next(moved, STAGES, "FRIENDLY_REMINDER", 10, DUE, 0, at(DUE.plusDays(11), 10));

        assertThat(next.get().at()).isEqualTo(at(DUE.plusDays(20), 8));
    }

    @Test
    void nothingAfterTheLastStep() {
        assertThat(NextStepPlanner.next(DEFAULT, STAGES, "LEGAL_REFERRAL", 90, DUE, 0, at(DUE.plusDays(90), 10))).isEmpty();
    }

    private static final PolicyDecision WITH_NOTICES = new PolicyDecision(Segment.REGULAR, 2, List.of(
            new PlannedStep("FRIENDLY_REMINDER", 3), new PlannedStep("FORMAL_NOTICE", 30),
            new PlannedStep("BUREAU_PRIOR_NOTICE", 35), new PlannedStep("BUREAU_REPORT", 100),
            new PlannedStep("LEGAL_REFERRAL", 90)).stream().sorted(STAGES.planOrder()).toList(),
            DEFAULT.chargeRates(), DEFAULT.contactWindows(), List.of(), new OfferTerms(), 0, List.of(), "test", 0, null, List.of(),
            List.of(new RequiredNotice("FORMAL_NOTICE", "LEGAL_REFERRAL", 15),
                    new RequiredNotice("BUREAU_PRIOR_NOTICE", "BUREAU_REPORT", 10)));

    @Test
    void aDebtRegisteredNinetyDaysLateGetsEveryRequiredNoticeInOrderThenWaitsTheirPeriods() {
        LocalDate day90 = DUE.plusDays(90);
        Map<String, LocalDate> reached = new LinkedHashMap<>();

        Optional<ScheduledStep> first = NextStepPlanner.next(WITH_NOTICES, STAGES, "REGISTERED", null, DUE, 0, at(day90, 10), reached);
        assertThat(first).get().extracting(ScheduledStep::stage, ScheduledStep::day).containsExactly("FORMAL_NOTICE", 30);
        assertThat(first.get().at()).isEqualTo(at(day90, 10));

        reached.put("FORMAL_NOTICE", day90);
        Optional<ScheduledStep> second = NextStepPlanner.next(WITH_NOTICES, STAGES, "FORMAL_NOTICE", 30, DUE, 0, at(day90, 10), reached);
        assertThat(second).get().extracting(ScheduledStep::stage, ScheduledStep::day).containsExactly("BUREAU_PRIOR_NOTICE", 35);
        assertThat(second.get().at()).isEqualTo(at(day90, 10));

        // the legal referral is held 15 days after the formal notice: the report, 10 days after its notice, comes first
        reached.put("BUREAU_PRIOR_NOTICE", day90);
        Optional<ScheduledStep> third = NextStepPlanner.next(WITH_NOTICES, STAGES, "BUREAU_PRIOR_NOTICE", 35, DUE, 0, at(day90, 10), reached);
        assertThat(third).get().extracting(ScheduledStep::stage, ScheduledStep::day).containsExactly("BUREAU_REPORT", 100);
        assertThat(third.get().at()).isEqualTo(at(DUE.plusDays(100), 8));

        Optional<ScheduledStep> fourth = NextStepPlanner.next(WITH_NOTICES, STAGES, "BUREAU_REPORT", 100, DUE, 0, at(DUE.plusDays(100), 8), reached);
        assertThat(fourth).get().extracting(ScheduledStep::stage, ScheduledStep::day).containsExactly("LEGAL_REFERRAL", 105);
        assertThat(fourth.get().at()).isEqualTo(at(DUE.plusDays(105), 8));
    }

    @Test
    void aRequiredNoticeMissingFromThePlanIsStillSentBeforeTheStepThatNeedsIt() {
        PolicyDecision noFormalNotice = new PolicyDecision(Segment.REGULAR, 2, List.of(new PlannedStep("LEGAL_REFERRAL", 90)),
                DEFAULT.chargeRates(), DEFAULT.contactWindows(), List.of(), new OfferTerms(), 0, List.of(), "test", 0, null, List.of(),
                List.of(new RequiredNotice("FORMAL_NOTICE", "LEGAL_REFERRAL", 15)));

        Optional<ScheduledStep> next = NextStepPlanner.next(noFormalNotice, STAGES, "REGISTERED", null, DUE, 0, at(DUE.plusDays(120), 10), Map.of());

        assertThat(next).get().extracting(ScheduledStep::stage, ScheduledStep::day).containsExactly("FORMAL_NOTICE", 90);
        assertThat(next.get().at()).isEqualTo(at(DUE.plusDays(120), 10));
    }

    @Test
    void aDebtRegisteredFiveDaysLateKeepsItsFriendlyPathAndGetsNoNoticeEarly() {
        Optional<ScheduledStep> next = NextStepPlanner.next(WITH_NOTICES, STAGES, "REGISTERED", null, DUE, 0, at(DUE.plusDays(5), 10), Map.of());

        assertThat(next).get().extracting(ScheduledStep::stage, ScheduledStep::day).containsExactly("FRIENDLY_REMINDER", 3);
        assertThat(next.get().at()).isEqualTo(at(DUE.plusDays(5), 10));
    }

    @Test
    void aStageTheCasesVersionOfTheProcessLacksIsLeftOutButARequiredNoticeIsStillAskedFor() {
        // an earlier version of the process, with neither the protest notice a later one added nor the formal notice
        StageCatalog earlier = () -> STAGES.stages().stream().filter(s -> !s.key().equals("FORMAL_NOTICE")).toList();
        PolicyDecision withProtest = new PolicyDecision(Segment.REGULAR, 2, List.of(new PlannedStep("FRIENDLY_REMINDER", 3),
                new PlannedStep("PROTEST_NOTICE", 20), new PlannedStep("LEGAL_REFERRAL", 90)),
                DEFAULT.chargeRates(), DEFAULT.contactWindows(), List.of(), new OfferTerms(), 0, List.of(), "test", 0, null, List.of(),
                List.of(new RequiredNotice("FORMAL_NOTICE", "LEGAL_REFERRAL", 15)));

        Optional<ScheduledStep> afterReminder = NextStepPlanner.next(withProtest, earlier, "FRIENDLY_REMINDER", 3, DUE, 0,
                at(DUE.plusDays(3), 9), Map.of());
        // the protest notice (day 20) is not this version's: the case waits for the referral on day 90
        assertThat(afterReminder).get().extracting(ScheduledStep::stage, ScheduledStep::day).containsExactly("LEGAL_REFERRAL", 90);

        // on day 90 the referral's notice is still missing: it is asked for, though this version cannot send it, so the
        // step stops at an incident (StepVariables) rather than refer the debtor without it
        Optional<ScheduledStep> onDay90 = NextStepPlanner.next(withProtest, earlier, "FRIENDLY_REMINDER", 3, DUE, 0,
                at(DUE.plusDays(90), 9), Map.of());
        assertThat(onDay90).get().extracting(ScheduledStep::stage, ScheduledStep::day).containsExactly("FORMAL_NOTICE", 90);
    }
}
