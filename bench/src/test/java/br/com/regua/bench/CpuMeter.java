package br.com.regua.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM and by the local PostgreSQL server's processes (read from Linux's
 * {@code /proc}; zero where there is none): where a phase's cost goes when both share the cores.
 */
final class CpuMeter {

    /** CPU seconds of the JVM and of PostgreSQL at one moment. */
    record Reading(double jvm, double postgres) {

        Reading minus(Reading before) {
            return new Reading(jvm - before.jvm, postgres - before.postgres);
        }

        /** Milliseconds of each per unit of work, e.g. per case. */
        String perUnit(long units, String unit) {
            return String.format("JVM %.2f ms + PostgreSQL %.2f ms per %s", 1000 * jvm / units, 1000 * postgres / units, unit);
        }
    }

    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private CpuMeter() {
    }

    static Reading now() {
        return new Reading(jvmSeconds(), postgresSeconds());
    }

    private static double jvmSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /**
     * CPU seconds of this JVM's threads by kind (the thread's name without its numbers: request
     * threads, job executor, garbage collector, JIT compiler): whether a phase's JVM time is its work
     * or the collection of its garbage. Empty where there is no {@code /proc}.
     */
    static Map<String, Double> jvmThreads() {
        Map<String, Double> seconds = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return seconds;
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(t -> {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    String kind = kind(stat.substring(stat.indexOf('(') + 1, close));
                    String[] fields = stat.substring(close + 2).split(" ");
                    seconds.merge(kind, (Double.parseDouble(fields[11]) + Double.parseDouble(fields[12])) / TICKS_PER_SECOND, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // a thread that ended while listed
                }
            });
        } catch (IOException e) {
            return seconds;
        }
        return seconds;
    }

    /** Linux keeps the first 15 characters of a thread's name: the known ones by what they do, others by name without numbers. */
    private static String kind(String name) {
        String kind = name.replaceAll("[0-9#-]+$", "").replaceAll("[0-9]+", "n");
        return switch (kind) {
            case "Cn CompilerThre" -> "JIT compiler";
            case "GC Thread", "VM Thread" -> "garbage collector";
            case "http-nio-auto" -> "request threads";
            case "camundaTaskExec" -> "job executor";
            case "JobExecutor[org" -> "job acquisition";
            case "bench-client" -> "benchmark's clients";
            default -> kind;
        };
    }

    /** Adds to {@code sums} what each kind of thread spent between two readings of {@link #jvmThreads()}. */
    static void add(Map<String, Double> sums, Map<String, Double> before, Map<String, Double> after) {
        after.forEach((kind, seconds) -> sums.merge(kind, seconds - before.getOrDefault(kind, 0.0), Double::sum));
    }

    /** Milliseconds of each kind of thread per unit of work, largest first, leaving out those under 0.01 ms. */
    static String perUnit(Map<String, Double> seconds, long units) {
        return String.join(", ", seconds.entrySet().stream()
                .filter(e -> e.getValue() * 1000 / units >= 0.01)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format("%s %.2f ms", e.getKey(), 1000 * e.getValue() / units)).toList());
    }

    private static double postgresSeconds() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return 0;
        }
        try (Stream<Path> pids = Files.list(proc)) {
            return pids.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToDouble(CpuMeter::postgresTicks).sum() / TICKS_PER_SECOND;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * utime + stime of a postgres process, and cutime + cstime: the time of its children that ended,
     * which the postmaster reaps (backends whose connection the pool retired after its lifetime,
     * parallel workers). Without it a backend that ends takes its time out of the sum, and a phase
     * of half an hour once read as negative. In clock ticks; 0 for any other process or one that ended.
     */
    private static double postgresTicks(Path pid) {
        try {
            String stat = Files.readString(pid.resolve("stat"));
            int close = stat.lastIndexOf(')');
            String name = stat.substring(stat.indexOf('(') + 1, close);
            if (!name.startsWith("postgres")) {
                return 0;
            }
            String[] fields = stat.substring(close + 2).split(" ");
            // fields after the name start at the state (field 3): utime is field 14, stime 15, cutime 16, cstime 17
            return Double.parseDouble(fields[11]) + Double.parseDouble(fields[12]) + Double.parseDouble(fields[13])
                    + Double.parseDouble(fields[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
