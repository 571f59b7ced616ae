package br.com.regua.schedule;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import br.com.regua.policy.Stage;

/** The stages a case went through, for its timeline. */
@Component
public class CaseEvents {

    private final JdbcClient jdbc;

    public CaseEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record StageReached(Stage stage, String detail, OffsetDateTime at) {
    }

    public void stageReached(long receivableId, Stage stage, String detail, OffsetDateTime at) {
        jdbc.sql("insert into case_event (receivable_id, stage, detail, happened_at) values (?, ?, ?, ?)")
                .params(receivableId, stage.name(), detail, at).update();
    }

    public List<StageReached> forReceivable(long receivableId) {
        return jdbc.sql("select * from case_event where receivable_id = ? order by id").param(receivableId)
                .query((rs, n) -> new StageReached(Stage.valueOf(rs.getString("stage")), rs.getString("detail"),
                        rs.getObject("happened_at", OffsetDateTime.class)))
                .list();
    }
}
