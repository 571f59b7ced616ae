package br.com.regua.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import br.com.regua.policy.CaseFacts;
import br.com.regua.policy.ChargeRates;
import br.com.regua.policy.CustomerType;
import br.com.regua.policy.PolicyEngine;

/**
 * The late charge rates of the active policy for each kind of customer, as SQL. The policy sets
 * rates per customer type (the legal cap on a consumer's fine is the reason they may differ); the
 * report asks it once per type instead of once per receivable. When every type has the same rates
 * the query needs no join with the customer table.
 */
final class PortfolioRates {

    private final Map<CustomerType, ChargeRates> byType;

    private PortfolioRates(Map<CustomerType, ChargeRates> byType) {
        this.byType = byType;
    }

    static PortfolioRates of(PolicyEngine policy, LocalDate asOf) {
        Map<CustomerType, ChargeRates> rates = new EnumMap<>(CustomerType.class);
        for (CustomerType type : CustomerType.values()) {
            CaseFacts probe = CaseFacts.builder().customerType(type).principal(new BigDecimal("100.00")).dueDate(asOf).today(asOf).build();
            rates.put(type, policy.evaluate(probe).chargeRates());
        }
        return new PortfolioRates(rates);
    }

    /** True when the rates depend on the customer's type: the query must then join the customer. */
    boolean byCustomerType() {
        ChargeRates first = byType.values().iterator().next();
        return byType.values().stream().anyMatch(r -> r.getFineRate().compareTo(first.getFineRate()) != 0
                || r.getMonthlyInterestRate().compareTo(first.getMonthlyInterestRate()) != 0
                || r.getDaysPerMonth() != first.getDaysPerMonth());
    }

    String fineRate(String customer) {
        return expression(customer, r -> r.getFineRate().toPlainString());
    }

    String monthlyInterestRate(String customer) {
        return expression(customer, r -> r.getMonthlyInterestRate().toPlainString());
    }

    String daysPerMonth(String customer) {
        return expression(customer, r -> Integer.toString(r.getDaysPerMonth()));
    }

    private String expression(String customer, java.util.function.Function<ChargeRates, String> value) {
        if (!byCustomerType()) {
            return value.apply(byType.values().iterator().next());
        }
        StringBuilder sql = new StringBuilder("case " + customer + ".customer_type");
        // typed values from the policy: numbers and enum names, never request text
        byType.forEach((type, rates) -> sql.append(" when '").append(type.name()).append("' then ").append(value.apply(rates)));
        return sql.append(" end").toString();
    }
}
