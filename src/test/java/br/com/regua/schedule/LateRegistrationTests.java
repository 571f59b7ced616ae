package br.com.regua.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import br.com.regua.cases.CaseEvents;
import br.com.regua.receivable.ReceivableService;
import br.com.regua.support.ReguaSpringTests;
import br.com.regua.support.Receivables;

/**
 * A portfolio onboarded late walks the real process with the live policy: it skips the friendly
 * steps it missed, never the notices a later step requires, and waits their periods.
 */
class LateRegistrationTests extends ReguaSpringTests {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    @Autowired
    ReceivableService receivables;
    @Autowired
    CaseEvents events;

    private ProcessInstance registerOn(String at, String id, LocalDate due) {
        setClock(at);
        receivables.register(Receivables.owing(id, "1500.00", due.minusDays(15), due));
        return caseOf(id);
    }

    private void fireUntilPassed(ProcessInstance pi, String activityId) {
        for (int i = 0; i < 30 && !hasPassed(pi.getId(), activityId); i++) {
            if (!fireNextTimer(pi.getId())) {
                break;
            }
        }
    }

    /** The stages the case reached after registration, with the day each was reached. */
    private List<CaseEvents.CaseEvent> stagesReached(String id) {
        return events.forReceivable(receivables.get(id).id()).stream()
                .filter(e -> e.kind() == CaseEvents.Kind.STAGE && !"REGISTERED".equals(e.stage())).toList();
    }

    private static LocalDate day(CaseEvents.CaseEvent e) {
        return e.at().atZoneSameInstant(SAO_PAULO).toLocalDate();
    }

    @Test
    void aDebtRegisteredNinetyDaysLateGetsTheFormalNoticeThenTheBureauPriorNoticeThenWaitsTheirPeriods() {
        // due Tuesday 17 March, registered Monday 15 June: day 90
        ProcessInstance pi = registerOn("2026-06-15T10:00:00-03:00", "late-90", LocalDate.of(2026, 3, 17));

        fireUntilPassed(pi, "Task_ReferToLegal");

        assertThat(stagesReached("late-90")).extracting(CaseEvents.CaseEvent::stage, LateRegistrationTests::day).containsExactly(
                tuple("FORMAL_NOTICE", LocalDate.of(2026, 6, 15)),
                tuple("BUREAU_PRIOR_NOTICE", LocalDate.of(2026, 6, 15)),
                // the latest step already due whose notices are satisfied: the consumer's suspension notice
                tuple("SERVICE_SUSPENSION_NOTICE", LocalDate.of(2026, 6, 15)),
                // 10 days after the prior notice
                tuple("BUREAU_REPORT", LocalDate.of(2026, 6, 25)),
                // 15 days after the formal notice
                tuple("LEGAL_REFERRAL", LocalDate.of(2026, 6, 30)));
    }

    @Test
    void aDebtRegisteredFiveDaysLateKeepsItsFriendlyPath() {
        // due Wednesday 18 March, registered Monday 23 March: day 5
        ProcessInstance pi = registerOn("2026-03-23T10:00:00-03:00", "late-5", LocalDate.of(2026, 3, 18));

        fireUntilPassed(pi, "Task_SendRenegotiationOffer");

        List<CaseEvents.CaseEvent> reached = stagesReached("late-5");
        assertThat(reached.get(0).stage()).isEqualTo("FRIENDLY_REMINDER");
        assertThat(day(reached.get(0))).isEqualTo(LocalDate.of(2026, 3, 23));
        assertThat(reached).extracting(CaseEvents.CaseEvent::stage).contains("RENEGOTIATION_OFFER")
                .doesNotContain("FORMAL_NOTICE", "BUREAU_PRIOR_NOTICE", "PRE_DUE_REMINDER", "DUE_DAY_NOTICE");
    }
}
