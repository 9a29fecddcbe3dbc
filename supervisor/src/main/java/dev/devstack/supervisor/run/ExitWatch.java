package dev.devstack.supervisor.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Reports a child's exit as soon as the kernel has it. NuProcess learns of an exit when the
 * child's pipes close, but they close a moment before the child becomes a zombie; it then
 * re-checks only every 100-250 ms. Once both pipes are closed, this watches /proc/PID/stat for
 * the zombie (same pid and start time, so never another process) and reads its wait status
 * from field 52, which Linux keeps there until the zombie is reaped.
 */
final class ExitWatch {

    private static final ScheduledExecutorService WATCHER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "devstack-exit-watch");
        thread.setDaemon(true);
        return thread;
    });
    private static final int FAST_CHECKS = 50;

    private ExitWatch() {
    }

    /** Starts checking for the exit of {@code pid}; stops as soon as anyone has reported it. */
    static void start(long pid, long startTicks, ExitReport report) {
        WATCHER.execute(() -> check(pid, startTicks, report, 0));
    }

    /** Who has reported the exit first: this watch or NuProcess. */
    interface ExitReport {
        boolean reported();

        void report(int code);
    }

    private static void check(long pid, long startTicks, ExitReport report, int attempt) {
        if (report.reported()) {
            return;
        }
        String[] fields = stat(pid);
        if (fields == null || !String.valueOf(startTicks).equals(fields[19])) {
            return; // already reaped: NuProcess reports it
        }
        if ("Z".equals(fields[0])) {
            decode(Integer.parseInt(fields[49])).ifPresent(report::report);
            return;
        }
        long delayMillis = attempt < FAST_CHECKS ? 1 : 50;
        WATCHER.schedule(() -> check(pid, startTicks, report, attempt + 1), delayMillis, TimeUnit.MILLISECONDS);
    }

    /** The start time of {@code pid} in clock ticks since boot (field 22), to recognise it later. */
    static OptionalLong startTicks(long pid) {
        String[] fields = stat(pid);
        return fields == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(fields[19]));
    }

    /** A wait status as NuProcess reports it: the exit code, or for a death by signal the signal's number. */
    static OptionalInt decode(int status) {
        int signal = status & 0x7f;
        if (signal == 0) {
            return OptionalInt.of((status >> 8) & 0xff);
        }
        return signal == 0x7f ? OptionalInt.empty() : OptionalInt.of(signal);
    }

    /** Fields 3 and on of /proc/PID/stat (index 0 is the state); null when there is no such process. */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
