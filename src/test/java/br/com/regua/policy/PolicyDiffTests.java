package br.com.regua.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PolicyDiffTests {

    @Test
    void showsTheChangedLineWithThreeLinesOfContext() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\n";
        String after = "a\nb\nc\nd\nE\nf\ng\nh\n";

        assertThat(PolicyDiff.unified("grace.drl", before, after)).isEqualTo("""
                --- a/grace.drl
                +++ b/grace.drl
                @@ -2,7 +2,7 @@
                 b
                 c
                 d
                -e
                +E
                 f
                 g
                 h
                """);
    }

    @Test
    void farApartChangesMakeTwoHunks() {
        String before = String.join("\n", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15");
        String after = before.replace("\n2\n", "\ntwo\n").replace("14", "fourteen");

        String diff = PolicyDiff.unified("x.drl", before, after);

        assertThat(diff.lines().filter(l -> l.startsWith("@@"))).containsExactly("@@ -1,5 +1,5 @@", "@@ -11,5 +11,5 @@");
        assertThat(diff).contains("-2\n+two\n").contains("-14\n+fourteen\n");
    }

    @Test
    void namesAddedRemovedAndModifiedFiles() {
        var changes = PolicyDiff.between(Map.of("a.drl", "x", "b.drl", "same", "c.drl", "old"),
                Map.of("b.drl", "same", "c.drl", "new", "d.drl", "added"));

        assertThat(changes).extracting(PolicyDiff.FileChange::file, PolicyDiff.FileChange::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.drl", "REMOVED"),
                org.assertj.core.groups.Tuple.tuple("c.drl", "MODIFIED"),
                org.assertj.core.groups.Tuple.tuple("d.drl", "ADDED"));
        assertThat(changes.get(2).diff()).contains("@@ -0,0 +1,1 @@\n+added\n");
    }
}
