package br.com.regua.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What changed between two versions' files, file by file, as unified diffs a person reads. */
public final class PolicyDiff {

    private static final int CONTEXT = 3;

    /** One file's change: ADDED, REMOVED or MODIFIED, with its unified diff. */
    public record FileChange(String file, String change, String diff) {
    }

    private PolicyDiff() {
    }

    public static List<FileChange> between(Map<String, String> before, Map<String, String> after) {
        List<FileChange> changes = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            String a = before.get(name);
            String b = after.get(name);
            if (a == null) {
                changes.add(new FileChange(name, "ADDED", unified(name, "", b)));
            } else if (b == null) {
                changes.add(new FileChange(name, "REMOVED", unified(name, a, "")));
            } else if (!a.equals(b)) {
                changes.add(new FileChange(name, "MODIFIED", unified(name, a, b)));
            }
        }
        return changes;
    }

    // a file's final newline ends its last line; it does not start another
    private static String[] lines(String text) {
        String[] lines = text.split("\\r?\\n", -1);
        return text.isEmpty() ? new String[0]
                : lines[lines.length - 1].isEmpty() ? Arrays.copyOf(lines, lines.length - 1) : lines;
    }

    /** A unified diff with three lines of context, from the longest common subsequence of lines. */
    static String unified(String name, String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        // the edit script: ' ' kept, '-' removed, '+' added, with each line's number on both sides
        List<char[]> ops = new ArrayList<>();
        List<String> text = new ArrayList<>();
        List<int[]> at = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                ops.add(new char[] {' '});
                text.add(a[i]);
                at.add(new int[] {i++, j++});
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new char[] {'-'});
                text.add(a[i]);
                at.add(new int[] {i++, j});
            } else {
                ops.add(new char[] {'+'});
                text.add(b[j]);
                at.add(new int[] {i, j++});
            }
        }
        StringBuilder out = new StringBuilder("--- a/" + name + "\n+++ b/" + name + "\n");
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k)[0] == ' ') {
                k++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            // extend the hunk while changes are closer than twice the context
            int lastChange = k;
            while (end < ops.size() && end - lastChange <= 2 * CONTEXT) {
                if (ops.get(end)[0] != ' ') {
                    lastChange = end;
                }
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            int oldCount = 0;
            int newCount = 0;
            for (int h = start; h < end; h++) {
                char op = ops.get(h)[0];
                oldCount += op == '+' ? 0 : 1;
                newCount += op == '-' ? 0 : 1;
            }
            out.append("@@ -").append(at.get(start)[0] + (oldCount == 0 ? 0 : 1)).append(',').append(oldCount)
                    .append(" +").append(at.get(start)[1] + (newCount == 0 ? 0 : 1)).append(',').append(newCount).append(" @@\n");
            for (int h = start; h < end; h++) {
                out.append(ops.get(h)[0]).append(text.get(h)).append('\n');
            }
            k = end;
        }
        return out.toString();
    }
}
