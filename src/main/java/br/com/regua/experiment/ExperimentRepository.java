package br.com.regua.experiment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import br.com.regua.policy.Segment;

@Repository
class ExperimentRepository {

    private final JdbcClient jdbc;

    ExperimentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, int champion, int challenger, int share, Segment segment, OffsetDateTime startsAt, OffsetDateTime endsAt,
                String by, OffsetDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into experiment (name, champion_version, challenger_version, share_percent, segment, starts_at, ends_at,
                                        created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(name, champion, challenger, share, segment == null ? null : segment.name(), startsAt, endsAt, by, now)
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<Experiment> find(long id) {
        return jdbc.sql("select * from experiment where id = ?").param(id).query(ExperimentRepository::experiment).optional();
    }

    List<Experiment> all() {
        return jdbc.sql("select * from experiment order by id desc").query(ExperimentRepository::experiment).list();
    }

    /** Those not stopped whose time overlaps [{@code from}, {@code to}): at most one draws new cases at a time. */
    List<Experiment> overlapping(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("select * from experiment where stopped_at is null and starts_at < ? and ends_at > ?").params(to, from)
                .query(ExperimentRepository::experiment).list();
    }

    /** The one drawing new cases at {@code now}, if any. */
    Optional<Experiment> running(OffsetDateTime now) {
        return jdbc.sql("select * from experiment where stopped_at is null and starts_at <= ? and ends_at > ? order by id fetch first 1 rows only")
                .params(now, now).query(ExperimentRepository::experiment).optional();
    }

    boolean stop(long id, OffsetDateTime at) {
        return jdbc.sql("update experiment set stopped_at = ? where id = ? and stopped_at is null and ends_at > ?")
                .params(at, id, at).update() == 1;
    }

    /** Draws a receivable into an arm, once: a case already drawn (a retried classification) keeps its arm. */
    boolean assign(long receivableId, long experimentId, Experiment.Arm arm, int version) {
        return jdbc.sql("update receivable set experiment_id = ?, experiment_arm = ?, policy_version = ? where id = ? and experiment_id is null")
                .params(experimentId, arm.name(), version, receivableId).update() == 1;
    }

    private static Experiment experiment(ResultSet rs, int row) throws SQLException {
        String segment = rs.getString("segment");
        return new Experiment(rs.getLong("id"), rs.getString("name"), rs.getInt("champion_version"), rs.getInt("challenger_version"),
                rs.getInt("share_percent"), segment == null ? null : Segment.valueOf(segment),
                rs.getObject("starts_at", OffsetDateTime.class), rs.getObject("ends_at", OffsetDateTime.class),
                rs.getObject("stopped_at", OffsetDateTime.class), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
