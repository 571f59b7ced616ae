package br.com.regua.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import br.com.regua.receivable.ReceivableService;
import br.com.regua.support.Receivables;
import br.com.regua.support.ReguaSpringTests;

/**
 * A decision record names the rules that fired by their set, stored once: cases decided alike share
 * one set, and the record reads back with every rule's name, as records written before do.
 */
class DecisionRecordsTests extends ReguaSpringTests {

    @Autowired
    ReceivableService receivables;
    @Autowired
    DecisionRecorder decisions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void casesDecidedAlikeShareOneStoredSetOfRuleNamesAndEachRecordReadsInFull() {
        setClock("2026-03-02T10:00:00-03:00");
        List<Long> ids = List.of("records-1", "records-2", "records-3").stream().map(id -> {
            receivables.register(Receivables.owing(id, "500.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 16)));
            return receivables.get(id).id();
        }).toList();

        List<DecisionRecorder.Recorded> first = decisions.forReceivable(ids.get(0));
        assertThat(first).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo("CLASSIFICATION");
            assertThat(d.rulesFired()).isNotEmpty().allSatisfy(name -> assertThat(name).isNotBlank());
        });
        for (long id : ids) {
            assertThat(decisions.forReceivable(id)).singleElement()
                    .satisfies(d -> assertThat(d.rulesFired()).isEqualTo(first.get(0).rulesFired()));
        }
        assertThat(jdbc.sql("select count(distinct rule_set_id) from decision_record where receivable_id in (:ids)")
                .param("ids", ids).query(Long.class).single()).as("stored sets for three alike decisions").isOne();
        assertThat(jdbc.sql("select count(*) from decision_record where receivable_id in (:ids) and rules_fired <> ''")
                .param("ids", ids).query(Long.class).single()).as("records that keep their own list").isZero();
    }

    @Test
    void aRecordWrittenBeforeTheSetsReadsItsOwnList() {
        setClock("2026-03-02T10:00:00-03:00");
        receivables.register(Receivables.owing("records-old", "500.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 16)));
        long id = receivables.get("records-old").id();
        jdbc.sql("""
                insert into decision_record (receivable_id, kind, policy_version, policy_number, inputs, rules_fired, outputs, decided_at)
                values (?, 'STEP PRE_DUE_REMINDER', 'abc', 1, '{}', '["An old rule"]', '{}', ?)""")
                .params(id, OffsetDateTime.parse("2026-03-11T08:00:00-03:00")).update();

        assertThat(decisions.forReceivable(id)).extracting(DecisionRecorder.Recorded::kind, d -> d.rulesFired().get(0))
                .last().isEqualTo(org.assertj.core.groups.Tuple.tuple("STEP PRE_DUE_REMINDER", "An old rule"));
    }
}
