package br.com.regua.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a benchmark's figures next to their aims and baselines, and appends them to
 * bench/RESULTS.md with the command, date, machine and git commit.
 */
final class BenchResults {

    private final String title;
    private final String command;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    BenchResults(String title, String command) {
        this.title = title;
        this.command = command;
    }

    BenchResults figure(String what, String value, String aim) {
        rows.add(new String[] {what, value, aim});
        return this;
    }

    BenchResults note(String note) {
        notes.add(note);
        return this;
    }

    void record(String postgresVersion) {
        StringBuilder md = new StringBuilder();
        md.append("\n## ").append(title).append(" — ")
                .append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE)).append("\n\n");
        md.append("- command: `").append(command).append("`\n");
        md.append("- machine: ").append(machine()).append(", PostgreSQL ").append(postgresVersion).append('\n');
        md.append("- commit: ").append(gitCommit()).append("\n\n");
        md.append("| figure | value | aim / baseline |\n| --- | --- | --- |\n");
        rows.forEach(r -> md.append("| ").append(r[0]).append(" | ").append(r[1]).append(" | ").append(r[2]).append(" |\n"));
        notes.forEach(n -> md.append("\n").append(n).append('\n'));
        System.out.println(md);
        try {
            Files.writeString(Path.of("bench", "RESULTS.md"), md, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot append to bench/RESULTS.md", e);
        }
    }

    static String machine() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return Runtime.getRuntime().availableProcessors() + " cores, " + (memory >> 30) + " GiB RAM, JDK "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), max heap "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB";
    }

    static String gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String dirty = new String(new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no").start()
                    .getInputStream().readAllBytes(), StandardCharsets.UTF_8).isBlank() ? "" : " (with uncommitted changes)";
            return git.waitFor() == 0 ? out + dirty : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}
