package com.usdtagent.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * CPU time of this machine from /proc: all of it, and that of the processes of one name (PostgreSQL's: every
 * process named postgres, which on this machine is the server's database; Redis's). A pooled connection's backend
 * lives for the whole run, so it is counted; a backend that exits within a step takes its time with it.
 */
final class HostCpu {

    private static final long TICKS_PER_SECOND = 100; // Linux USER_HZ

    private HostCpu() {
    }

    /** CPU time all processes of this name (as in /proc/pid/comm) have used so far, user plus system. */
    static Duration named(String command) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            long ticks = processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(process -> command.equals(commandOf(process)))
                    .mapToLong(HostCpu::ticksOf)
                    .sum();
            return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CPU time all cores have been busy so far (not idle, not waiting for I/O). */
    static Duration busy() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return Duration.ofMillis((total - idle) * 1000 / TICKS_PER_SECOND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CPU time one process has used so far, user plus system; zero once it is gone. */
    static Duration process(long pid) {
        return Duration.ofMillis(ticksOf(Path.of("/proc", String.valueOf(pid))) * 1000 / TICKS_PER_SECOND);
    }

    private static String commandOf(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip();
        } catch (IOException gone) {
            return "";
        }
    }

    /** utime plus stime of /proc/pid/stat; 0 for a process that is gone. */
    private static long ticksOf(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException gone) {
            return 0;
        }
    }
}
