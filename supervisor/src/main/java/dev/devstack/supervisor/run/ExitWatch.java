package dev.devstack.supervisor.run;

import dev.devstack.detect.ProcStat;
import java.util.Optional;
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
        Optional<ProcStat> stat = ProcStat.of(pid).filter(p -> p.startTicks() == startTicks);
        if (stat.isEmpty()) {
            return; // already reaped: NuProcess reports it
        }
        if (stat.get().zombie()) {
            decode(stat.get().waitStatus()).ifPresent(report::report);
            return;
        }
        long delayMillis = attempt < FAST_CHECKS ? 1 : 50;
        WATCHER.schedule(() -> check(pid, startTicks, report, attempt + 1), delayMillis, TimeUnit.MILLISECONDS);
    }

    /** The start time of {@code pid} in clock ticks since boot (field 22), to recognise it later. */
    static OptionalLong startTicks(long pid) {
        return ProcStat.of(pid).map(p -> OptionalLong.of(p.startTicks())).orElse(OptionalLong.empty());
    }

    /** A wait status as NuProcess reports it: the exit code, or for a death by signal the signal's number. */
    static OptionalInt decode(int status) {
        int signal = status & 0x7f;
        if (signal == 0) {
            return OptionalInt.of((status >> 8) & 0xff);
        }
        return signal == 0x7f ? OptionalInt.empty() : OptionalInt.of(signal);
    }

}
