package br.com.regua.agreement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** An agreement as the API shows it: its status and each installment with what is paid and what is late. */
public record AgreementView(
        String id,
        AgreementStatus status,
        String customerExternalId,
        List<String> receivables,
        Offer.Kind kind,
        BigDecimal total,
        Offer.Breakdown breakdown,
        OffsetDateTime createdAt,
        OffsetDateTime endedAt,
        List<InstallmentView> installments) {

    /**
     * @param late    paid after its due date, or unpaid with the due date gone
     * @param pixCopiaECola the PIX payload for what is left, when PIX is configured and the installment is open
     */
    public record InstallmentView(int number, LocalDate dueDate, BigDecimal amount, BigDecimal paidAmount, boolean paid, boolean late,
                                  OffsetDateTime paidAt, String pixCopiaECola) {
    }
}
