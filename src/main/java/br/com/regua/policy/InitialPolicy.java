package br.com.regua.policy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.SortedMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import br.com.regua.transactions.Races;

/**
 * The policy a server starts with: the active version stored in the database or, on the very
 * first start, the rules directory, which becomes version 1. A first policy that does not compile
 * or fails its scenarios stops the start-up loudly: there is nothing safe to fall back to.
 */
public final class InitialPolicy {

    /** The author of versions taken in from the rules directory. */
    public static final String DIRECTORY_AUTHOR = "rules directory";

    private static final Logger log = LoggerFactory.getLogger(InitialPolicy.class);

    private InitialPolicy() {
    }

    /**
     * The active version from the database, or, on a new database, the rules directory taken in as
     * version 1. Two nodes starting at once on a new database both try to take it in; the one that
     * loses the race on the version number reads the winner's version instead.
     */
    public static CompiledPolicy load(PolicyStore store, Path rulesDir, StageCatalog stages, Clock clock) {
        return Races.retryOnce(() -> loadOnce(store, rulesDir, stages, clock));
    }

    private static CompiledPolicy loadOnce(PolicyStore store, Path rulesDir, StageCatalog stages, Clock clock) {
        Optional<PolicyVersion> active = store.active();
        if (active.isPresent()) {
            PolicyVersion v = active.get();
            CompiledPolicy policy = CompiledPolicy.compile(v.files()).numbered(v.number());
            log.info("Policy version {} ({}) loaded from the database ({} files)", v.number(), v.hash(), v.files().size());
            return policy;
        }
        SortedMap<String, String> files = CompiledPolicy.readDirectory(rulesDir);
        CompiledPolicy policy = CompiledPolicy.compile(files, stages);
        ScenarioReport report = ScenarioRunner.run(policy, stages);
        if (!report.passed()) {
            throw new ScenariosFailedException(report);
        }
        PolicyVersion v = store.saveAndActivateFirst(files, policy.version(), DIRECTORY_AUTHOR, "first start", OffsetDateTime.now(clock));
        store.saveDirectorySnapshot(DirectorySnapshot.of(files));
        log.info("Policy version {} ({}) taken in from {} ({} files, {} scenarios passed)", v.number(), v.hash(),
                rulesDir.toAbsolutePath().normalize(), files.size(), report.run());
        return policy.numbered(v.number());
    }
}
