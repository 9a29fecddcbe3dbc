package dev.devstack.detect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What /proc/PID/stat says about a process that devstack needs: its state, parent, process group,
 * session, CPU time and resident memory, start time (in clock ticks since boot: with the pid, it
 * names one process for good, as pids are reused) and, for a zombie, the wait status its parent
 * will collect (field 52). The one reader of that file.
 *
 * @param state one letter: R running, S sleeping, Z zombie, …
 * @param cpuTicks user and system CPU time so far, in clock ticks (USER_HZ)
 * @param residentPages resident memory, in pages
 * @param threads how many threads it has (the main one counted even when only it has exited)
 */
public record ProcStat(long pid, char state, long parent, long group, long session, long cpuTicks, long residentPages,
                       int threads, long startTicks, int waitStatus) {

    /**
     * It has ended and waits to be collected. A process whose main thread alone has exited shows
     * the same state while its other threads run; those are counted in {@code threads}.
     */
    public boolean zombie() {
        return state == 'Z' && threads <= 1;
    }

    /** The process as it is now, if there is one. */
    public static Optional<ProcStat> of(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "stat"), pid);
    }

    static Optional<ProcStat> read(Path stat, long pid) {
        try {
            return parse(pid, new String(Files.readAllBytes(stat), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    /**
     * The fields after the command name, which is in parentheses and may itself hold spaces and
     * parentheses: so the text is cut at the last ')'.
     */
    static Optional<ProcStat> parse(long pid, String line) {
        int end = line.lastIndexOf(')');
        if (end < 0 || end + 2 >= line.length()) {
            return Optional.empty();
        }
        String[] fields = line.substring(end + 2).trim().split(" ");
        if (fields.length < 22) {
            return Optional.empty();
        }
        int waitStatus = fields.length > 49 ? Integer.parseInt(fields[49]) : 0;
        return Optional.of(new ProcStat(pid, fields[0].charAt(0), Long.parseLong(fields[1]), Long.parseLong(fields[2]),
                Long.parseLong(fields[3]), Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                Long.parseLong(fields[21]), Integer.parseInt(fields[17]), Long.parseLong(fields[19]), waitStatus));
    }
}
