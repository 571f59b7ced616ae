package br.com.regua.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** What the rules directory's last reading tells apart: the edits made since, also while the server was down. */
class DirectorySnapshotTests {

    @Test
    void changedNewAndRemovedFilesAreTheEditsAndUntouchedOnesAreNot() {
        Map<String, String> before = DirectorySnapshot.of(Map.of("grace.drl", "a", "priority.drl", "b", "old.drl", "c"));
        TreeMap<String, String> now = new TreeMap<>(Map.of("grace.drl", "a2", "priority.drl", "b", "season.drl", "d"));

        Map<String, String> edits = DirectorySnapshot.edits(before, now);

        assertThat(edits).containsOnlyKeys("grace.drl", "season.drl", "old.drl");
        assertThat(edits.get("grace.drl")).isEqualTo("a2");
        assertThat(edits.get("season.drl")).isEqualTo("d");
        assertThat(edits.get("old.drl")).as("removed").isNull();
    }

    @Test
    void theSameFilesMakeNoEdit() {
        Map<String, String> files = Map.of("grace.drl", "a", "scenarios/grace.csv", "x");

        assertThat(DirectorySnapshot.edits(DirectorySnapshot.of(files), new TreeMap<>(files))).isEmpty();
    }
}
