package br.com.regua.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import br.com.regua.transactions.WriteBehind;

/**
 * Keeps every decision the policy took for a case: inputs, rules fired, outputs and policy
 * version, so a credit manager can answer "why did this customer get this message?".
 */
@Component
public class DecisionRecorder {

    /** Rule sets known to this node; a bound against a policy whose decisions never repeat. */
    private static final int KNOWN_SETS = 10_000;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate ownTransaction;
    private final WriteBehind writes;
    /**
     * Known rule sets by the names themselves: looking a set up costs no JSON and no hash (the names
     * are the rules' own strings, their hash codes computed once), where the list was written and
     * hashed on every decision.
     */
    private final Map<List<String>, Long> ruleSets = new ConcurrentHashMap<>();

    public DecisionRecorder(JdbcClient jdbc, ObjectMapper json, PlatformTransactionManager transactions, WriteBehind writes) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
        if (facts.getNonPaymentReason() != null) {
            inputs.put("nonPaymentReason", facts.getNonPaymentReason());
        }
        // the debtor's wishes, when they expressed any: why a message went by WhatsApp at 18:00
        if (facts.getPreferredChannel() != null) {
            inputs.put("preferredChannel", facts.getPreferredChannel());
        }
        if (facts.getPreferredTime() != null) {
            inputs.put("preferredTime", facts.getPreferredTime());
        }
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
        if (!d.noticeChannels().isEmpty() && !d.noticeChannels().equals(d.channels())) {
            outputs.put("noticeChannels", d.noticeChannels());
        }
        outputs.put("priority", d.priority());
        outputs.putAll(extraOutputs);
        // the rules fired are named by their set, stored once; the record's own column stays empty
        // written with the transaction's other decisions just before it commits (an intake chunk decides a hundred cases)
        writes.insert("""
                insert into decision_record (receivable_id, kind, policy_version, policy_number, inputs, rules_fired, rule_set_id,
                                             outputs, decided_at)
                values (?, ?, ?, ?, ?, '', ?, ?, ?)""",
                receivableId, kind, d.policyVersion(), d.policyNumber() == 0 ? null : d.policyNumber(), write(inputs),
                ruleSet(d.rulesFired()), write(outputs), at);
    }

    public List<Recorded> forReceivable(long receivableId) {
        writes.flush();
        return jdbc.sql("""
                select d.kind, d.policy_version, d.policy_number, d.inputs, coalesce(s.rules_fired, d.rules_fired) as rules_fired,
                       d.outputs, d.decided_at
                from decision_record d left join decision_rule_set s on s.id = d.rule_set_id
                where d.receivable_id = ? order by d.id""").param(receivableId)
                .query((rs, n) -> new Recorded(rs.getString("kind"), rs.getString("policy_version"),
                        (Integer) rs.getObject("policy_number", Integer.class), read(rs.getString("inputs"), Map.class),
                        read(rs.getString("rules_fired"), List.class), read(rs.getString("outputs"), Map.class),
                        rs.getObject("decided_at", OffsetDateTime.class)))
                .list();
    }

    /**
     * The id of the stored set of rule names {@code rulesFired}, stored now when it is new. The insert
     * runs in a transaction of its own: two nodes storing the same new set collide on its hash, and
     * the loser, which reads the winner's row, must not take the decision's transaction down with it.
     * A set stored by a decision that then rolled back stays, unused: harmless.
     */
    private long ruleSet(List<String> names) {
        Long known = ruleSets.get(names);
        if (known != null) {
            return known;
        }
        String rulesFired = write(names);
        String hash = sha256(rulesFired);
        long id = find(hash).orElseGet(() -> {
            try {
                return ownTransaction.execute(status -> {
                    jdbc.sql("insert into decision_rule_set (hash, rules_fired) values (?, ?)").params(hash, rulesFired).update();
                    return find(hash).orElseThrow();
                });
            } catch (DuplicateKeyException raced) {
                return find(hash).orElseThrow();
            }
        });
        if (ruleSets.size() >= KNOWN_SETS) {
            ruleSets.clear();
        }
        ruleSets.put(List.copyOf(names), id);
        return id;
    }

    private Optional<Long> find(String hash) {
        return jdbc.sql("select id from decision_rule_set where hash = ?").param(hash).query(Long.class).optional();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
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
