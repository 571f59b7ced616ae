package br.com.regua.policy;

import static br.com.regua.policy.CaseFactsFixtures.DUE;
import static br.com.regua.policy.CaseFactsFixtures.consumerOwing;
import static br.com.regua.policy.CaseFactsFixtures.goodPayer;
import static br.com.regua.policy.CaseFactsFixtures.regular;
import static br.com.regua.policy.CaseFactsFixtures.risky;
import static br.com.regua.policy.CaseFactsFixtures.withHistory;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RemindersRulesTests {

    private static List<Integer> daysOf(PolicyDecision d, String stage) {
        return d.plan().stream().filter(s -> s.getStage().equals(stage)).map(PlannedStep::getDay).toList();
    }

    private static PaymentHistory historyOf(String segment) {
        return switch (segment) {
            case "GOOD_PAYER" -> goodPayer();
            case "REGULAR" -> regular();
            case "RISKY" -> risky();
            default -> PaymentHistory.none();
        };
    }

    @ParameterizedTest(name = "{0}: {1} days before")
    @CsvSource({"GOOD_PAYER, 3", "REGULAR, 5", "NEW_CUSTOMER, 5", "RISKY, 7"})
    void thePreDueReminderComesDaysBeforeTheDueDateBySegment(String segment, int daysBefore) {
        PolicyDecision d = DefaultPolicy.evaluate(withHistory(historyOf(segment)).build());

        assertThat(d.segment().name()).isEqualTo(segment);
        assertThat(daysOf(d, "PRE_DUE_REMINDER")).containsExactly(-daysBefore);
    }

    @ParameterizedTest(name = "issued {0} days before the due date: reminder {1}")
    @CsvSource({"4, false", "5, false", "6, true"})
    void noPreDueReminderWhenTheReceivableWasIssuedTooLateForIt(int issuedDaysBefore, boolean reminded) {
        PolicyDecision d = DefaultPolicy.evaluate(consumerOwing("1500.00").issueDate(DUE.minusDays(issuedDaysBefore)).build());

        assertThat(d.dayOf("PRE_DUE_REMINDER").isPresent()).isEqualTo(reminded);
    }

    @Test
    void everybodyGetsANoticeOnTheDueDate() {
        for (PaymentHistory h : List.of(PaymentHistory.none(), goodPayer(), regular(), risky())) {
            assertThat(DefaultPolicy.evaluate(withHistory(h).build()).dayOf("DUE_DAY_NOTICE")).contains(0);
        }
    }

    @Test
    void friendlyRemindersFollowTheGracePeriodBySegment() {
        assertThat(daysOf(DefaultPolicy.evaluate(withHistory(goodPayer()).build()), "FRIENDLY_REMINDER")).containsExactly(6, 13);
        assertThat(daysOf(DefaultPolicy.evaluate(withHistory(regular()).build()), "FRIENDLY_REMINDER")).containsExactly(3, 10, 17);
        assertThat(daysOf(DefaultPolicy.evaluate(withHistory(PaymentHistory.none()).build()), "FRIENDLY_REMINDER"))
                .containsExactly(2, 9, 16);
        assertThat(daysOf(DefaultPolicy.evaluate(withHistory(risky()).build()), "FRIENDLY_REMINDER")).containsExactly(1, 5);
    }

    @Test
    void channelsFollowTheContactDataWeHave() {
        assertThat(DefaultPolicy.evaluate(consumerOwing("100.00").build()).channels()).containsExactly(Channel.EMAIL, Channel.SMS);
        assertThat(DefaultPolicy.evaluate(consumerOwing("100.00").hasPhone(false).build()).channels()).containsExactly(Channel.EMAIL);
        assertThat(DefaultPolicy.evaluate(consumerOwing("100.00").hasEmail(false).build()).channels()).containsExactly(Channel.SMS);
        assertThat(DefaultPolicy.evaluate(consumerOwing("100.00").hasEmail(false).hasPhone(false).build()).channels())
                .containsExactly(Channel.LETTER);
    }

    @Test
    void aChannelTheDebtorOptedOutOfIsNeverChosen() {
        assertThat(DefaultPolicy.evaluate(consumerOwing("100.00").optedOut(Set.of(Channel.EMAIL)).build()).channels())
                .containsExactly(Channel.SMS);
        assertThat(DefaultPolicy.evaluate(consumerOwing("100.00").optedOut(Set.of(Channel.EMAIL, Channel.SMS, Channel.WHATSAPP))
                .build()).channels()).containsExactly(Channel.LETTER);
        assertThat(DefaultPolicy.evaluate(consumerOwing("100.00").optedOut(Set.of(Channel.values())).build()).channels()).isEmpty();
    }

    @Test
    void aDebtorWhoRefusedSmsButNotWhatsAppIsWrittenToOnWhatsApp() {
        assertThat(DefaultPolicy.evaluate(consumerOwing("100.00").optedOut(Set.of(Channel.SMS)).build()).channels())
                .containsExactly(Channel.EMAIL, Channel.WHATSAPP);
        assertThat(DefaultPolicy.evaluate(consumerOwing("100.00").optedOut(Set.of(Channel.SMS, Channel.WHATSAPP)).build()).channels())
                .containsExactly(Channel.EMAIL);
    }

    @Test
    void anUndeliveredEmailOrSmsGoesByWhatsAppUnlessTheDebtorRefusedIt() {
        PolicyDecision d = DefaultPolicy.evaluate(consumerOwing("100.00").build());
        assertThat(d.fallbackFor(Channel.EMAIL)).contains(Channel.WHATSAPP);
        assertThat(d.fallbackFor(Channel.SMS)).contains(Channel.WHATSAPP);
        assertThat(d.fallbackFor(Channel.WHATSAPP)).isEmpty();

        assertThat(DefaultPolicy.evaluate(consumerOwing("100.00").optedOut(Set.of(Channel.WHATSAPP)).build()).fallbackFor(Channel.SMS))
                .isEmpty();
        assertThat(DefaultPolicy.evaluate(consumerOwing("100.00").hasPhone(false).build()).fallbackFor(Channel.EMAIL)).isEmpty();
    }
}
