package br.com.regua.support;

import java.math.BigDecimal;
import java.time.LocalDate;

import br.com.regua.policy.CustomerType;
import br.com.regua.receivable.NewCustomer;
import br.com.regua.receivable.NewReceivable;

/** Small factories for registration requests. */
public final class Receivables {

    private Receivables() {
    }

    public static NewCustomer consumer(String externalId) {
        return new NewCustomer(externalId, "Maria da Silva", "529.982.247-25", CustomerType.CONSUMER, "maria@example.com",
                "+55 11 98765-4321", "SP");
    }

    public static NewReceivable owing(String externalId, String amount, LocalDate issueDate, LocalDate dueDate) {
        return new NewReceivable(externalId, consumer("cust-" + externalId), new BigDecimal(amount), issueDate, dueDate,
                "Mensalidade de março");
    }
}
