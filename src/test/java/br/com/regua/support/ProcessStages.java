package br.com.regua.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import br.com.regua.policy.StageCatalog;
import br.com.regua.cases.CollectionStages;

/** The stages {@code processes/collection.bpmn} declares, for tests that need them without an engine. */
public final class ProcessStages {

    private static final List<StageCatalog.StageInfo> COLLECTION = read(Path.of("processes/collection.bpmn"));

    private ProcessStages() {
    }

    /** The stages of the collection process as shipped. */
    public static StageCatalog collection() {
        return () -> COLLECTION;
    }

    public static List<StageCatalog.StageInfo> read(Path bpmn) {
        try (InputStream in = Files.newInputStream(bpmn)) {
            return CollectionStages.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
