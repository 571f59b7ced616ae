package br.com.regua.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a debtor owes on {@code asOf}, broken down as every message and view shows it. */
public record Charges(LocalDate asOf, BigDecimal principal, BigDecimal fine, BigDecimal interest, BigDecimal total) {
}
