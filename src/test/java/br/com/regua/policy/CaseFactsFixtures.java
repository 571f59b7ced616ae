package br.com.regua.policy;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Small fact snapshots for rule tests: a consumer in São Paulo, due on Monday 16 March 2026. */
final class CaseFactsFixtures {

    static final LocalDate DUE = LocalDate.of(2026, 3, 16);

    private CaseFactsFixtures() {
    }

    static CaseFacts.Builder consumerOwing(String amount) {
        return CaseFacts.builder().receivableId("R-1").customerType(CustomerType.CONSUMER).state("SP")
                .principal(new BigDecimal(amount)).issueDate(DUE.minusDays(30)).dueDate(DUE).today(DUE.minusDays(20))
                .hasEmail(true).hasPhone(true).history(PaymentHistory.none());
    }

    static CaseFacts.Builder businessOwing(String amount) {
        return consumerOwing(amount).customerType(CustomerType.BUSINESS);
    }

    static CaseFacts.Builder daysOverdue(CaseFacts.Builder b, int days) {
        return b.today(DUE.plusDays(days));
    }

    static PaymentHistory history(int paidOnTime, int paidLate, int averageDaysLate, int kept, int broken) {
        return new PaymentHistory(paidOnTime, paidLate, averageDaysLate, kept, broken);
    }

    static PaymentHistory goodPayer() {
        return history(5, 1, 2, 0, 0);
    }

    static PaymentHistory regular() {
        return history(2, 2, 12, 0, 0);
    }

    static PaymentHistory risky() {
        return history(1, 1, 10, 0, 1);
    }

    static CaseFacts.Builder withHistory(PaymentHistory h) {
        return consumerOwing("1500.00").history(h);
    }
}
