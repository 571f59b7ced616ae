package br.com.regua.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import br.com.regua.policy.Segment;
import br.com.regua.policy.Stage;

/**
 * A receivable and the state of its collection case: the stage it is at (and the day, counted
 * from the due date, of the step that put it there), the next step the rules planned. The boleto
 * line, when the backend sent one, goes into every message.
 */
public record Receivable(
        long id,
        String externalId,
        long customerId,
        String contentHash,
        BigDecimal principal,
        LocalDate issueDate,
        LocalDate dueDate,
        String description,
        Ledger ledger,
        ReceivableStatus status,
        Stage stage,
        Integer lastStepDay,
        Segment segment,
        String nextStage,
        OffsetDateTime nextStepAt,
        String caseId,
        int pausedDays,
        Integer bureauNoticeDay,
        String boletoLine) {
}
