package br.com.regua.policy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Policy versions, their files and the activation log, in Régua's database. */
@Repository
public class PolicyStore {

    private static final String VERSION_COLUMNS = """
            v.number, v.hash, v.author, v.comment, v.created_at,
            (select max(a.activated_at) from policy_activation a where a.version_number = v.number) as activated_at,
            (v.number = (select a.version_number from policy_activation a
                         where a.id = (select max(id) from policy_activation))) as active
            """;

    private final JdbcClient jdbc;

    public PolicyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new version and makes it the active one, in one transaction. */
    @Transactional
    public PolicyVersion saveAndActivate(SortedMap<String, String> files, String hash, String author, String comment,
                                         OffsetDateTime now) {
        PolicyVersion version = save(files, hash, author, comment, now);
        activate(version.number(), author, comment, now);
        return version(version.number()).orElseThrow();
    }

    /**
     * Stores the first version of a new database, number 1, and activates it. Two nodes starting at
     * once on a new database both try; the primary key lets one of them in and the other fails.
     */
    @Transactional
    public PolicyVersion saveAndActivateFirst(SortedMap<String, String> files, String hash, String author, String comment,
                                              OffsetDateTime now) {
        insert(1, files, hash, author, comment, now);
        activate(1, author, comment, now);
        return version(1).orElseThrow();
    }

    /** Stores a new version without activating it: a proposal waiting for a second person. */
    @Transactional
    public PolicyVersion save(SortedMap<String, String> files, String hash, String author, String comment, OffsetDateTime now) {
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from policy_version").query(Integer.class).single();
        return insert(number, files, hash, author, comment, now);
    }

    private PolicyVersion insert(int number, SortedMap<String, String> files, String hash, String author, String comment,
                                 OffsetDateTime now) {
        // two nodes saving at once collide on the primary key; the loser's request fails and nothing half-stored remains
        jdbc.sql("insert into policy_version (number, hash, author, comment, created_at) values (?, ?, ?, ?, ?)")
                .params(number, hash, author, comment, now).update();
        files.forEach((name, content) -> jdbc.sql("insert into policy_file (version_number, name, content) values (?, ?, ?)")
                .params(number, name, content).update());
        return version(number).orElseThrow();
    }

    /** Whether the version was ever active: a version never activated is a proposal. */
    public boolean everActivated(int number) {
        return jdbc.sql("select count(*) from policy_activation where version_number = ?").param(number)
                .query(Integer.class).single() > 0;
    }

    public void activate(int number, String author, String comment, OffsetDateTime now) {
        jdbc.sql("insert into policy_activation (version_number, author, comment, activated_at) values (?, ?, ?, ?)")
                .params(number, author, comment, now).update();
    }

    public Optional<PolicyVersion> active() {
        return jdbc.sql("select a.version_number from policy_activation a where a.id = (select max(id) from policy_activation)")
                .query(Integer.class).optional().flatMap(this::version);
    }

    /** The newest activation's id: another node changed the policy when it moves. */
    public long lastActivationId() {
        return jdbc.sql("select coalesce(max(id), 0) from policy_activation").query(Long.class).single();
    }

    public Optional<PolicyVersion> version(int number) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from policy_version v where v.number = ?").param(number)
                .query((rs, n) -> row(rs, files(number))).optional();
    }

    /** Every version, newest first, without their files. */
    public List<PolicyVersion> versions() {
        return jdbc.sql("select " + VERSION_COLUMNS + " from policy_version v order by v.number desc")
                .query((rs, n) -> row(rs, new TreeMap<>())).list();
    }

    private SortedMap<String, String> files(int number) {
        SortedMap<String, String> files = new TreeMap<>();
        jdbc.sql("select name, content from policy_file where version_number = ?").param(number)
                .query((ResultSet rs) -> {
                    files.put(rs.getString("name"), rs.getString("content"));
                });
        return files;
    }

    private static PolicyVersion row(ResultSet rs, SortedMap<String, String> files) throws SQLException {
        return new PolicyVersion(rs.getInt("number"), rs.getString("hash"), rs.getString("author"), rs.getString("comment"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getBoolean("active"),
                rs.getObject("activated_at", OffsetDateTime.class), files);
    }

    private static final String SCHEDULE_COLUMNS =
            "id, version_number, effective_at, author, comment, created_at, status, closed_by, closed_at";

    /** Sets a version to take effect at {@code effectiveAt}. */
    public PolicySchedule schedule(int number, OffsetDateTime effectiveAt, String author, String comment, OffsetDateTime now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into policy_schedule (version_number, effective_at, author, comment, created_at, status) "
                        + "values (?, ?, ?, ?, ?, 'PENDING')")
                .params(number, effectiveAt, author, comment, now).update(key, "id");
        return scheduled(key.getKey().longValue()).orElseThrow();
    }

    public Optional<PolicySchedule> scheduled(long id) {
        return jdbc.sql("select " + SCHEDULE_COLUMNS + " from policy_schedule where id = ?").param(id)
                .query(PolicyStore::schedule).optional();
    }

    /** Every scheduled activation, the next to fall due first, then the closed ones newest first. */
    public List<PolicySchedule> schedules() {
        return jdbc.sql("select " + SCHEDULE_COLUMNS + " from policy_schedule "
                        + "order by case when status = 'PENDING' then 0 else 1 end, "
                        + "case when status = 'PENDING' then effective_at end asc, id desc")
                .query(PolicyStore::schedule).list();
    }

    /** The pending ones whose time has come, oldest first. */
    public List<PolicySchedule> due(OffsetDateTime now) {
        return jdbc.sql("select " + SCHEDULE_COLUMNS + " from policy_schedule where status = 'PENDING' and effective_at <= ? "
                        + "order by effective_at, id")
                .param(now).query(PolicyStore::schedule).list();
    }

    /**
     * Closes a pending schedule as {@code status}; false when it was no longer pending (another node
     * claimed it, or somebody cancelled it first): only one closer wins.
     */
    public boolean close(long id, PolicySchedule.Status status, String by, OffsetDateTime now) {
        return jdbc.sql("update policy_schedule set status = ?, closed_by = ?, closed_at = ? where id = ? and status = 'PENDING'")
                .params(status.name(), by, now, id).update() == 1;
    }

    /** A schedule closed as activated whose activation then failed. */
    public void failed(long id, String why, OffsetDateTime now) {
        jdbc.sql("update policy_schedule set status = 'FAILED', closed_by = ?, closed_at = ? where id = ?")
                .params(why.length() > 200 ? why.substring(0, 200) : why, now, id).update();
    }

    private static PolicySchedule schedule(ResultSet rs, int n) throws SQLException {
        return new PolicySchedule(rs.getLong("id"), rs.getInt("version_number"), rs.getObject("effective_at", OffsetDateTime.class),
                rs.getString("author"), rs.getString("comment"), rs.getObject("created_at", OffsetDateTime.class),
                PolicySchedule.Status.valueOf(rs.getString("status")), rs.getString("closed_by"),
                rs.getObject("closed_at", OffsetDateTime.class));
    }

    /** File name → content hash of the rules directory as last taken in. */
    public Map<String, String> directorySnapshot() {
        Map<String, String> snapshot = new HashMap<>();
        jdbc.sql("select name, content_hash from policy_directory_file")
                .query((ResultSet rs) -> {
                    snapshot.put(rs.getString("name"), rs.getString("content_hash"));
                });
        return snapshot;
    }

    @Transactional
    public void saveDirectorySnapshot(Map<String, String> snapshot) {
        jdbc.sql("delete from policy_directory_file").update();
        snapshot.forEach((name, hash) -> jdbc.sql("insert into policy_directory_file (name, content_hash) values (?, ?)")
                .params(name, hash).update());
    }
}
