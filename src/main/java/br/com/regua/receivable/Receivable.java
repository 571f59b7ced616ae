package br.com.regua.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import br.com.regua.policy.Segment;

/**
 * A receivable and the state of its collection case: the stage it is at (and the day, counted
 * from the due date, of the step that put it there), the next step the rules planned. The boleto
 * line, when the backend sent one, goes into every message. {@code reachedDays}: the day (after the
 * due date, less paused days) the case first reached each stage it went through, which later steps
 * and the rules read to know what notices the debtor had. {@code heldUntil}: while a promise to pay
 * is open, the case takes no step before this moment (null: not held). {@code policyVersion}: the
 * policy version the case is decided by for all its life, when a champion/challenger experiment drew it
 * (null: the active version at each decision).
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
        String stage,
        Integer lastStepDay,
        Segment segment,
        String nextStage,
        OffsetDateTime nextStepAt,
        String caseId,
        int pausedDays,
        Map<String, Integer> reachedDays,
        String boletoLine,
        OffsetDateTime heldUntil,
        Integer policyVersion) {

    /** A receivable whose case is not held by a promise to pay. */
    public Receivable(long id, String externalId, long customerId, String contentHash, BigDecimal principal, LocalDate issueDate,
                      LocalDate dueDate, String description, Ledger ledger, ReceivableStatus status, String stage, Integer lastStepDay,
                      Segment segment, String nextStage, OffsetDateTime nextStepAt, String caseId, int pausedDays,
                      Map<String, Integer> reachedDays, String boletoLine) {
        this(id, externalId, customerId, contentHash, principal, issueDate, dueDate, description, ledger, status, stage, lastStepDay,
                segment, nextStage, nextStepAt, caseId, pausedDays, reachedDays, boletoLine, null, null);
    }
}
