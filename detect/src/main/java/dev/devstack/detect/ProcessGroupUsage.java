package dev.devstack.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * CPU time and resident memory summed per process group, from one pass over /proc/PID/stat: a
 * service started with setsid is one group, its children included. One pass costs a few
 * milliseconds however many groups are asked for (OSHI's process list took ~40 ms here).
 */
public final class ProcessGroupUsage {

    /** USER_HZ: the unit of CPU times in /proc, 100 on every Linux architecture. */
    private static final long TICKS_PER_SECOND = 100;
    private static final long DEFAULT_PAGE_SIZE = 4096;

    private final Path proc;
    private final long pageSize;

    public ProcessGroupUsage() {
        this(Path.of("/proc"), pageSize(Path.of("/proc/self/smaps")));
    }

    ProcessGroupUsage(Path proc, long pageSize) {
        this.proc = proc;
        this.pageSize = pageSize;
    }

    /** The usage of each of {@code groups} that still has a process; groups without any are left out. */
    public Map<Long, GroupUsage> of(Set<Long> groups) {
        Map<Long, long[]> sums = new HashMap<>();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, ProcessGroupUsage::isPid)) {
            for (Path pid : pids) {
                ProcStat.read(pid.resolve("stat"), Long.parseLong(pid.getFileName().toString()))
                        .filter(stat -> groups.contains(stat.group()))
                        .ifPresent(stat -> {
                            long[] sum = sums.computeIfAbsent(stat.group(), g -> new long[3]);
                            sum[0] += stat.cpuTicks();
                            sum[1] += stat.residentPages();
                            sum[2]++;
                        });
            }
        } catch (IOException e) {
            return Map.of();
        }
        Map<Long, GroupUsage> usage = new HashMap<>();
        sums.forEach((group, sum) -> usage.put(group,
                new GroupUsage(Duration.ofMillis(sum[0] * 1000 / TICKS_PER_SECOND), sum[1] * pageSize, (int) sum[2])));
        return usage;
    }

    static long pageSize(Path smaps) {
        try (BufferedReader lines = Files.newBufferedReader(smaps)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("KernelPageSize:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            return DEFAULT_PAGE_SIZE;
        }
        return DEFAULT_PAGE_SIZE;
    }

    private static boolean isPid(Path path) {
        String name = path.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}
