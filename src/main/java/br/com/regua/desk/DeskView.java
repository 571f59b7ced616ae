package br.com.regua.desk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import br.com.regua.agreement.AgreementView;
import br.com.regua.policy.PaymentHistory;
import br.com.regua.promise.PromiseView;
import br.com.regua.receivable.Charges;

/**
 * What a collector sees for one call task: who to call, what is owed today with its breakdown, what was
 * paid, agreed, promised and said, the earlier calls, the approach script and the outcomes to choose from.
 */
public record DeskView(
        Task task,
        Debtor debtor,
        Debt debt,
        Charges charges,
        List<PaymentLine> payments,
        List<AgreementView> agreements,
        List<PromiseView> promises,
        PaymentHistory history,
        List<MessageLine> lastMessages,
        List<CallLine> calls,
        String script,
        List<Option> outcomes) {

    /** The call task: who took it (null: nobody yet), its rank and the groups it is offered to. */
    public record Task(String id, String name, String assignee, int priority, List<String> candidateGroups, OffsetDateTime created) {
    }

    public record Debtor(String externalId, String name, String type, String phone, String email, String state) {
    }

    public record Debt(String externalId, String description, BigDecimal principal, LocalDate dueDate, int daysOverdue, String status,
                       String stage, String stageName, String segment, OffsetDateTime nextStepAt) {
    }

    public record PaymentLine(String externalId, BigDecimal amount, String method, OffsetDateTime paidAt) {
    }

    public record MessageLine(OffsetDateTime at, String kind, String stage, String channel, String status, String subject) {
    }

    public record CallLine(OffsetDateTime at, String outcome, String words, String note, String collector, String promiseId,
                           String disputeId, OffsetDateTime callBackAt) {
    }

    /** An outcome the form offers, with its words in Portuguese. */
    public record Option(String outcome, String words) {
    }
}
