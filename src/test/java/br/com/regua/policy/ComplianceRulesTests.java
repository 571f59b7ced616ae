package br.com.regua.policy;

import static br.com.regua.policy.CaseFactsFixtures.businessOwing;
import static br.com.regua.policy.CaseFactsFixtures.consumerOwing;
import static br.com.regua.policy.CaseFactsFixtures.daysOverdue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class ComplianceRulesTests {

    private static final String FIVE_PERCENT_FINE = """
            package br.com.regua.policy;
            import java.math.BigDecimal;
            rule "Test: somebody sets a 5% late fee"
            when
                $r : ChargeRates( fineRate == 0.02B, monthlyInterestRate == 0.01B )
            then
                modify($r) { setFineRate(new BigDecimal("0.05")), setMonthlyInterestRate(new BigDecimal("0.011")) }
            end
            """;

    @Test
    void consumersPayTwoPercentLateFeeAndOnePercentAMonth() {
        ChargeRates r = DefaultPolicy.evaluate(consumerOwing("1000.00").build()).chargeRates();
        assertThat(r.getFineRate()).isEqualByComparingTo("0.02");
        assertThat(r.getMonthlyInterestRate()).isEqualByComparingTo("0.01");
    }

    @Test
    void aConsumersLateFeeIsCappedAtTwoPercentWhateverAnotherRuleSets() {
        PolicyEngine withFivePercent = DefaultPolicy.with("test-fine.drl", FIVE_PERCENT_FINE);

        assertThat(withFivePercent.evaluate(consumerOwing("1000.00").build()).chargeRates().getFineRate()).isEqualByComparingTo("0.02");
        // between companies the cap does not apply
        assertThat(withFivePercent.evaluate(businessOwing("1000.00").build()).chargeRates().getFineRate()).isEqualByComparingTo("0.05");
    }

    private static ContactWindow window(List<ContactWindow> windows, DayOfWeek day) {
        return windows.stream().filter(w -> w.getDayOfWeek() == day).findFirst().orElse(null);
    }

    @Test
    void debtorsAreContactedOnWeekdaysEightToEightAndSaturdaysEightToTwoNeverOnSunday() {
        List<ContactWindow> w = DefaultPolicy.evaluate(consumerOwing("100.00").build()).contactWindows();

        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            assertThat(window(w, d)).extracting(ContactWindow::getFrom, ContactWindow::getTo)
                    .containsExactly(LocalTime.of(8, 0), LocalTime.of(20, 0));
        }
        assertThat(window(w, DayOfWeek.SATURDAY)).extracting(ContactWindow::getFrom, ContactWindow::getTo)
                .containsExactly(LocalTime.of(8, 0), LocalTime.of(14, 0));
        assertThat(window(w, DayOfWeek.SUNDAY)).isNull();
    }

    @Test
    void debtorsInRioDeJaneiroGetNarrowerHoursAndNoSaturday() {
        List<ContactWindow> w = DefaultPolicy.evaluate(consumerOwing("100.00").state("RJ").build()).contactWindows();

        assertThat(window(w, DayOfWeek.MONDAY)).extracting(ContactWindow::getFrom, ContactWindow::getTo)
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(19, 0));
        assertThat(window(w, DayOfWeek.SATURDAY)).isNull();
    }

    @Test
    void theBureauReportWaitsTenDaysAfterThePlannedPriorNotice() {
        PolicyEngine lateReport = DefaultPolicy.with("test-report.drl", """
                package br.com.regua.policy;
                rule "Test: report the day after the notice"
                when
                    CaseFacts()
                then
                    insert(new PlannedStep("BUREAU_REPORT", 36));
                end
                """);

        PolicyDecision d = lateReport.evaluate(consumerOwing("1000.00").build());

        assertThat(d.plan()).filteredOn(s -> "BUREAU_REPORT".equals(s.getStage())).extracting(PlannedStep::getDay)
                .isNotEmpty().allMatch(day -> day >= 45);
    }

    @Test
    void theBureauReportWaitsTenDaysAfterThePriorNoticeActuallyWentOut() {
        PolicyDecision d = DefaultPolicy.evaluate(daysOverdue(consumerOwing("1000.00"), 40).reached("BUREAU_PRIOR_NOTICE", 38).build());

        assertThat(d.dayOf("BUREAU_REPORT")).contains(48);
    }

    @Test
    void aPriorNoticeThatGoesOutTodayHoldsTheReportTenDaysFromToday() {
        // registered 50 days late: the notice goes out today, so the report cannot be due yet
        PolicyDecision d = DefaultPolicy.evaluate(daysOverdue(consumerOwing("1000.00"), 50).build());

        assertThat(d.dayOf("BUREAU_REPORT")).contains(60);
    }

    @Test
    void noBureauReportWithoutAPriorNotice() {
        PolicyEngine noNotice = DefaultPolicy.with("test-no-notice.drl", """
                package br.com.regua.policy;
                rule "Test: no prior notice"
                when
                    $n : PlannedStep( stage == "BUREAU_PRIOR_NOTICE" )
                then
                    delete($n);
                end
                """);

        assertThat(noNotice.evaluate(consumerOwing("1000.00").build()).dayOf("BUREAU_REPORT")).isEmpty();
    }

    @Test
    void rulesThatUndoEachOtherAreStoppedInsteadOfHangingTheCase() {
        PolicyEngine looping = DefaultPolicy.with("test-loop.drl", """
                package br.com.regua.policy;
                import java.math.BigDecimal;
                rule "Test: always raise the fee"
                when
                    $r : ChargeRates( fineRate <= 0.02B )
                then
                    modify($r) { setFineRate(new BigDecimal("0.05")) }
                end
                """);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> looping.evaluate(consumerOwing("1000.00").build()))
                .isInstanceOf(PolicyOutputException.class).hasMessageContaining("Test: always raise the fee");
    }

    @Test
    void noStepAfterTheDebtIsTimeBarred() {
        PolicyEngine late = DefaultPolicy.with("test-late.drl", """
                package br.com.regua.policy;
                rule "Test: steps around five years"
                when
                    CaseFacts()
                then
                    insert(new PlannedStep("COLLECTION_AGENCY", 1825));
                    insert(new PlannedStep("COLLECTION_AGENCY", 1826));
                end
                """);

        PolicyDecision d = late.evaluate(consumerOwing("1000.00").build());

        assertThat(d.plan()).extracting(PlannedStep::getDay).contains(1825).doesNotContain(1826);
    }

    @Test
    void debtorsHearFromUsAtMostThreeTimesAWeek() {
        assertThat(DefaultPolicy.evaluate(consumerOwing("100.00").build()).maxContactsPerWeek()).isEqualTo(3);
        assertThat(DefaultPolicy.evaluate(businessOwing("100.00").build()).maxContactsPerWeek()).isEqualTo(3);
    }

    @Test
    void theStrictestWeeklyLimitWins() {
        PolicyEngine stricter = DefaultPolicy.with("test-limit.drl", """
                package br.com.regua.policy;
                rule "Test: risky debtors hear from us twice a week at most"
                when
                    CaseFacts()
                then
                    insert(new ContactLimit(2));
                end
                """);
        assertThat(stricter.evaluate(consumerOwing("100.00").build()).maxContactsPerWeek()).isEqualTo(2);
    }

    @Test
    void theReportNeedsThePriorNoticeTenDaysBeforeAndTheAgencyAndTheLegalTeamTheFormalNoticeFifteenDaysBefore() {
        PolicyDecision d = DefaultPolicy.evaluate(daysOverdue(consumerOwing("1000.00"), 90).build());

        assertThat(d.noticesRequiredBy("BUREAU_REPORT")).extracting(RequiredNotice::getNotice, RequiredNotice::getDays)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BUREAU_PRIOR_NOTICE", 10));
        assertThat(d.noticesRequiredBy("LEGAL_REFERRAL")).extracting(RequiredNotice::getNotice, RequiredNotice::getDays)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FORMAL_NOTICE", 15));
        assertThat(d.noticesRequiredBy("COLLECTION_AGENCY")).extracting(RequiredNotice::getNotice, RequiredNotice::getDays)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FORMAL_NOTICE", 15));
        // friendly steps and the offer need nothing: catch-up may skip them
        assertThat(d.noticesRequiredBy("RENEGOTIATION_OFFER")).isEmpty();
        assertThat(d.noticesRequiredBy("FORMAL_NOTICE")).isEmpty();
    }

    @Test
    void aStepThatIsNotPlannedRequiresNothing() {
        // under R$ 500 the debt is written off instead of referred, and under R$ 50 it is never reported
        PolicyDecision d = DefaultPolicy.evaluate(daysOverdue(consumerOwing("40.00"), 90).build());

        assertThat(d.noticesRequiredBy("LEGAL_REFERRAL")).isEmpty();
        assertThat(d.noticesRequiredBy("BUREAU_REPORT")).isEmpty();
        assertThat(d.noticesRequiredBy("COLLECTION_AGENCY")).isNotEmpty();
    }
}
