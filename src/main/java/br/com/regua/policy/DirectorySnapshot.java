package br.com.regua.policy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** File name → content hash of the rules directory, and what changed between two readings. */
final class DirectorySnapshot {

    private DirectorySnapshot() {
    }

    static Map<String, String> of(Map<String, String> files) {
        Map<String, String> hashes = new HashMap<>();
        files.forEach((name, content) -> hashes.put(name, CompiledPolicy.hash(new TreeMap<>(Map.of(name, content)))));
        return hashes;
    }

    /**
     * The edits between two readings, as a policy change: changed or new files with their content,
     * removed files mapped to null.
     */
    static SortedMap<String, String> edits(Map<String, String> before, SortedMap<String, String> files) {
        Map<String, String> now = of(files);
        SortedMap<String, String> edits = new TreeMap<>();
        now.forEach((name, hash) -> {
            if (!hash.equals(before.get(name))) {
                edits.put(name, files.get(name));
            }
        });
        Set<String> removed = new HashSet<>(before.keySet());
        removed.removeAll(now.keySet());
        removed.forEach(name -> edits.put(name, null));
        return edits;
    }
}
