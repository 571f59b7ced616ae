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
