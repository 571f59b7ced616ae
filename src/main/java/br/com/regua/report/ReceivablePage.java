package br.com.regua.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One page of receivables in a stable order (due date, then the order they were registered in),
 * with what each owes as of {@code asOf}.
 */
public record ReceivablePage(LocalDate asOf, int page, int size, long totalElements, int totalPages, List<Item> items) {

    public record Item(String externalId, String customerExternalId, String customerName, String status, String stage, String segment,
                       BigDecimal amount, LocalDate dueDate, int daysOverdue, BigDecimal principal, BigDecimal fine, BigDecimal interest,
                       BigDecimal total) {
    }
}
