package br.com.regua.policy;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keeps every decision the policy took for a case: inputs, rules fired, outputs and policy
 * version, so a credit manager can answer "why did this customer get this message?".
 */
@Component
public class DecisionRecorder {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public DecisionRecorder(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored decision, as the timeline shows it. */
    public record Recorded(String kind, String policyVersion, Integer policyNumber, Map<String, Object> inputs,
                           List<String> rulesFired, Map<String, Object> outputs, OffsetDateTime decidedAt) {
    }

    public void record(long receivableId, String kind, CaseFacts facts, PolicyDecision d, Map<String, Object> extraOutputs,
                       OffsetDateTime at) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("customerType", facts.getCustomerType());
        inputs.put("state", facts.getState());
        inputs.put("principal", facts.getPrincipal());
        inputs.put("balance", facts.getBalance());
        inputs.put("dueDate", facts.getDueDate());
        inputs.put("today", facts.getToday());
        inputs.put("daysOverdue", facts.getDaysOverdue());
        inputs.put("pausedDays", facts.getPausedDays());
        inputs.put("currentStage", facts.getCurrentStage());
        inputs.put("bureauPriorNoticeDay", facts.getBureauPriorNoticeDay());
        inputs.put("hasEmail", facts.isHasEmail());
        inputs.put("hasPhone", facts.isHasPhone());
        inputs.put("history", Map.of("paidOnTime", facts.getHistory().getPaidOnTime(), "paidLate", facts.getHistory().getPaidLate(),
                "averageDaysLate", facts.getHistory().getAverageDaysLate(),
                "agreementsKept", facts.getHistory().getAgreementsKept(), "agreementsBroken", facts.getHistory().getAgreementsBroken()));
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("segment", d.segment());
        outputs.put("graceDays", d.graceDays());
        outputs.put("plan", d.plan().stream().map(PlannedStep::toString).toList());
        outputs.put("fineRate", d.chargeRates().getFineRate());
        outputs.put("monthlyInterestRate", d.chargeRates().getMonthlyInterestRate());
        outputs.put("channels", d.channels());
        outputs.put("priority", d.priority());
        outputs.putAll(extraOutputs);
        jdbc.sql("""
                insert into decision_record (receivable_id, kind, policy_version, policy_number, inputs, rules_fired, outputs,
                                             decided_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(receivableId, kind, d.policyVersion(), d.policyNumber() == 0 ? null : d.policyNumber(), write(inputs), write(d.rulesFired()), write(outputs), at)
                .update();
    }

    public List<Recorded> forReceivable(long receivableId) {
        return jdbc.sql("select * from decision_record where receivable_id = ? order by id").param(receivableId)
                .query((rs, n) -> new Recorded(rs.getString("kind"), rs.getString("policy_version"),
                        (Integer) rs.getObject("policy_number", Integer.class), read(rs.getString("inputs"), Map.class),
                        read(rs.getString("rules_fired"), List.class), read(rs.getString("outputs"), Map.class),
                        rs.getObject("decided_at", OffsetDateTime.class)))
                .list();
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write decision record", e);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T read(String s, Class<?> type) {
        try {
            return (T) json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read decision record", e);
        }
    }
}
