package br.com.regua.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
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
