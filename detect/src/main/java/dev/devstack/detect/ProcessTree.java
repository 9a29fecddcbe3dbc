package dev.devstack.detect;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every process of the machine at one moment, with its parent, from one pass over /proc/PID/stat:
 * what is needed to follow a process's descendants, also those that left its group or session.
 */
public final class ProcessTree {

    private final Map<Long, ProcStat> processes;
    private final Map<Long, List<ProcStat>> children = new HashMap<>();

    ProcessTree(Collection<ProcStat> processes) {
        this.processes = new HashMap<>();
        for (ProcStat process : processes) {
            this.processes.put(process.pid(), process);
            children.computeIfAbsent(process.parent(), p -> new ArrayList<>()).add(process);
        }
    }

    public static ProcessTree read() {
        return read(Path.of("/proc"));
    }

    static ProcessTree read(Path proc) {
        List<ProcStat> all = new ArrayList<>();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, ProcessTree::isPid)) {
            for (Path dir : pids) {
                long pid = Long.parseLong(dir.getFileName().toString());
                ProcStat.read(dir.resolve("stat"), pid).ifPresent(all::add);
            }
        } catch (IOException e) {
            return new ProcessTree(List.of());
        }
        return new ProcessTree(all);
    }

    public Optional<ProcStat> get(long pid) {
        return Optional.ofNullable(processes.get(pid));
    }

    public List<ProcStat> childrenOf(long pid) {
        return children.getOrDefault(pid, List.of());
    }

    /** Every descendant of {@code pid} (not the process itself), parents before their children. */
    public List<ProcStat> descendantsOf(long pid) {
        List<ProcStat> found = new ArrayList<>();
        Deque<Long> next = new ArrayDeque<>(List.of(pid));
        while (!next.isEmpty()) {
            for (ProcStat child : childrenOf(next.poll())) {
                found.add(child);
                next.add(child.pid());
            }
        }
        return found;
    }

    private static boolean isPid(Path path) {
        String name = path.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}
